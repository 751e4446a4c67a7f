package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.BrandAdministration;
import dev.onshore.was.catalog.BrandAdministration.BrandRename;
import dev.onshore.was.catalog.BrandAdministration.BrandRenamed;
import dev.onshore.was.catalog.BrandAdministration.BrandSummary;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' brands (admin API): the brands products carry with their counts, and renames. An unknown brand answers
 * 404 ({@code unknown-brand}); a blank, too long or unchanged name 400 with one error per field. Renaming to a name
 * another brand has merges the two and says so ({@code merged}).
 */
@RestController
@AdminAccess(OperatorRole.CATALOG_MANAGER)
@RequestMapping("/api/admin/brands")
class BrandAdministrationController {

    private final BrandAdministration administration;

    BrandAdministrationController(BrandAdministration administration) {
        this.administration = administration;
    }

    /** Every brand by name, with how many products carry it in all and in each status. */
    @GetMapping
    List<BrandSummary> brands() {
        return administration.brands();
    }

    /** Renames the brand on every product that carries it. */
    @PutMapping("/{name}")
    BrandRenamed rename(@PathVariable String name, @RequestBody BrandRename rename) {
        return administration.rename(name, rename);
    }
}
