package dev.onshore.was.catalog.web;

import dev.onshore.was.adminapi.AdminAccess;
import dev.onshore.was.adminapi.OperatorRole;
import dev.onshore.was.catalog.BrandAdministration;
import dev.onshore.was.catalog.BrandAdministration.BrandRename;
import dev.onshore.was.catalog.BrandAdministration.BrandRenamed;
import dev.onshore.was.catalog.BrandAdministration.BrandSummary;
import dev.onshore.was.catalog.BrandAdministration.BrandProfile;
import dev.onshore.was.catalog.BrandAdministration.BrandProfileEdit;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' brands (admin API): the brands products carry with their counts, their profiles (texts per language and
 * a logo) and renames. A brand is named in the query ({@code ?name=}) or the body, never in the path, so any name a
 * product can carry can be addressed ({@code Foo/Bar} included). An unknown brand answers 404 ({@code unknown-brand});
 * invalid input 400 with one error per field; a profile edit of an older version 409 ({@code stale-brand}, with the
 * current profile). Renaming to a name another brand has merges the two and says so ({@code merged}).
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

    /** Which brand to rename ({@code from}) and its new {@code name}. */
    record RenameRequest(@Nullable String from, @Nullable String name) {
    }

    /** Renames the brand on every product that carries it. */
    @PostMapping("/rename")
    BrandRenamed rename(@RequestBody RenameRequest rename) {
        return administration.rename(rename.from() == null ? "" : rename.from(), new BrandRename(rename.name()));
    }

    @GetMapping("/profile")
    BrandProfile profile(@RequestParam String name) {
        return administration.profile(name);
    }

    /** Replaces the brand's texts; the body names the version the edit was made on. */
    @PutMapping("/profile")
    BrandProfile saveProfile(@RequestParam String name, @RequestBody BrandProfileEdit edit) {
        return administration.saveProfile(name, edit);
    }

    /** The logo is the request body itself (any content type: the format is read from the bytes). */
    @PutMapping("/logo")
    BrandProfile changeLogo(@RequestParam String name, HttpServletRequest request) throws IOException {
        // Never more than the limit plus one byte in memory, whatever Content-Length claims.
        var bytes = request.getInputStream()
                .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, administration.maxLogoBytes() + 1));
        return administration.changeLogo(name, bytes);
    }

    @DeleteMapping("/logo")
    BrandProfile removeLogo(@RequestParam String name) {
        return administration.removeLogo(name);
    }
}
