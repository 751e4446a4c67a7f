package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.CategoryAdministration;
import dev.onshore.was.catalog.CategoryAdministration.CategoryChange;
import dev.onshore.was.catalog.CategoryAdministration.CategoryNode;
import dev.onshore.was.catalog.CategoryAdministration.NewCategory;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' edits of the category tree (admin API). A rename, move or deletion names the {@code version} it was made on: a
 * category changed since answers 409 ({@code stale-category}). A fifth level answers 422
 * ({@code category-too-deep}), a taken code 409 ({@code duplicate-category}), deleting a category a product or a
 * sub-category is in 409 ({@code category-in-use}); invalid input 400 with one error per field.
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/categories")
class CategoryAdministrationController {

    private final CategoryAdministration administration;

    CategoryAdministrationController(CategoryAdministration administration) {
        this.administration = administration;
    }

    /** The whole tree with every name, position, version and product count. */
    @GetMapping
    List<CategoryNode> tree() {
        return administration.tree();
    }

    /** 201 with the new category. */
    @PostMapping
    ResponseEntity<CategoryNode> add(@RequestBody NewCategory category) {
        var added = administration.add(category);
        return ResponseEntity.created(URI.create("/api/admin/categories/" + added.code())).body(added);
    }

    /** Renames ({@code names}) and/or moves ({@code position}) the category; answers it as it is now. */
    @PutMapping("/{code}")
    CategoryNode change(@PathVariable String code, @RequestParam long version, @RequestBody CategoryChange change) {
        return administration.change(code, version, change);
    }

    /** Deletes the category as of {@code version}: renamed or moved since, it answers 409 like a stale change. */
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code, @RequestParam long version) {
        administration.delete(code, version);
        return ResponseEntity.noContent().build();
    }
}
