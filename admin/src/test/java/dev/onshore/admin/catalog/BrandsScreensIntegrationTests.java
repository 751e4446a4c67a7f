package dev.onshore.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The brands screens against an in-process stand-in of the internal WAS's admin API: the brands with their counts,
 * logos, languages and links to their products and pages, what an editor sends to rename one, a brand's page (named
 * in the query string, so a slash and an ampersand survive) with what a save of its texts and an upload of its logo
 * send, how the WAS's refusals and a stale save are shown in the operator's language, and that a viewer is offered
 * no change and refused one.
 */
class BrandsScreensIntegrationTests extends ScreenTests {

    @RegisterExtension
    static final StandIn WAS = start();

    static final String LOGO = "/media/" + "a".repeat(64) + ".png";

    static final String BRANDS = """
            [{"name":"Blue Sea Lab","products":2,"published":2,"byStatus":{"PUBLISHED":2},"logo":null,"languages":[]},
             {"name":"Hanbit Health","products":4,"published":3,"byStatus":{"PUBLISHED":3,"DRAFT":1},
              "logo":"%s","languages":["en","ko"]},
             {"name":"Lab 1/2 & Co","products":1,"published":0,"byStatus":{"DRAFT":1},"logo":null,"languages":["ko"]}]"""
            .formatted(LOGO);

    /** A brand whose name would break a path segment and a query string alike. */
    static final String ODD = "Lab 1/2 & Co";

    static final String ODD_QUERY = "name=Lab%201%2F2%20%26%20Co";

    /** The odd brand's profile at version 7 with its Korean and English texts and a logo. */
    static String profile(String name, long version, @Nullable String logo, String texts) {
        return """
                {"name":"%s","version":%d,"logo":%s,"texts":%s}""".formatted(name.replace("\"", "\\\""), version,
                logo == null ? "null" : "\"" + logo + "\"", texts);
    }

    static final String TEXTS = """
            {"en":{"displayName":"Lab Half","description":"Half-dose vitamins from Busan."},
             "ko":{"displayName":"랩 하프","description":"부산에서 만든 반 용량 비타민."}}""";

    private static StandIn start() {
        return StandIn.start("/api/admin/", call -> {
            var uri = call.uri();
            var method = call.method();
            var korean = call.language() != null && call.language().startsWith("ko");
            if (uri.equals("/api/admin/brands") && method.equals("GET")) {
                return new StandIn.Answer(200, BRANDS);
            } else if (call.path().equals("/api/admin/brands/profile") && method.equals("GET")) {
                return new StandIn.Answer(200, profile(name(call), 7, LOGO, TEXTS));
            } else if (call.path().equals("/api/admin/brands/profile") && method.equals("PUT")) {
                if (call.body().contains("\"version\":6")) {
                    return new StandIn.Answer(409, """
                            {"type":"https://onshore.dev/problems/stale-brand","status":409,"title":"Stale brand",
                             "detail":"The brand was changed by someone else.","editedVersion":6,"currentVersion":8,
                             "current":%s}""".formatted(profile(name(call), 8, LOGO, """
                            {"ko":{"displayName":"한빛 하프","description":null}}""")));
                }
                if (call.body().contains("x".repeat(81))) {
                    // As the WAS answers, in the language the admin passed on (its messages_ko / messages).
                    return new StandIn.Answer(400, """
                            {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                             "detail":"%s","errors":[{"field":"texts.ko.displayName","code":"tooLong","message":"%s"},
                             {"field":"texts.fr","code":"unknown","message":"%s"}]}""".formatted(
                            korean ? "요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다." : "The request has invalid fields; nothing was saved.",
                            korean ? "texts.ko.displayName은(는) 80자를 넘을 수 없습니다." : "texts.ko.displayName must be at most 80 characters.",
                            korean ? "texts.fr은(는) 알 수 없는 값입니다." : "texts.fr is not known."));
                }
                return new StandIn.Answer(200, profile(name(call), 8, LOGO, TEXTS));
            } else if (call.path().equals("/api/admin/brands/logo") && method.equals("PUT")) {
                if (call.bytes().length == 0) {
                    return new StandIn.Answer(400, """
                            {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                             "detail":"%s","errors":[{"field":"file","code":"required","message":"%s"}]}""".formatted(
                            korean ? "요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다." : "The request has invalid fields; nothing was saved.",
                            korean ? "file은(는) 필수입니다." : "file is required."));
                }
                return new StandIn.Answer(200, profile(name(call), 8, LOGO, TEXTS));
            } else if (call.path().equals("/api/admin/brands/logo") && method.equals("DELETE")) {
                return new StandIn.Answer(200, profile(name(call), 8, null, TEXTS));
            } else if (uri.equals("/api/admin/brands/rename") && method.equals("POST")) {
                if (call.body().contains("\"name\":\"\"")) {
                    return new StandIn.Answer(400, """
                            {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                             "detail":"%s","errors":[{"field":"name","code":"required","message":"%s"}]}""".formatted(
                            korean ? "요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다." : "The request has invalid fields; nothing was saved.",
                            korean ? "name은(는) 필수입니다." : "name is required."));
                }
                if (call.body().contains("Blue Sea Lab")) {
                    return new StandIn.Answer(200, """
                            {"from":"Hanbit Health","to":"Blue Sea Lab","products":4,"merged":true}""");
                }
                return new StandIn.Answer(200, """
                        {"from":"Hanbit Health","to":"Hanbit Healthcare","products":4,"merged":false}""");
            }
            return StandIn.Answer.unknown();
        });
    }

    /** The brand a call names in its query ({@code ?name=...}). */
    static String name(StandIn.Call call) {
        var query = java.net.URI.create(call.uri()).getRawQuery();
        return URLDecoder.decode(query.substring(query.indexOf("name=") + 5), StandardCharsets.UTF_8);
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void everyBrandIsListedWithItsCountsLogoLanguagesAndLinksInKoreanAndEnglish() throws Exception {
        writeLogo();
        mvc.perform(get("/brands").header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-brands")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-nav=\"brands\""),
                        containsString("<h1>브랜드</h1>"), containsString("게시됨"),
                        containsString("href=\"/products?brand=Hanbit%20Health\""),
                        containsString("<td class=\"number\">4</td>"), containsString("<td class=\"number\">3</td>"),
                        containsString("action=\"/brands/rename\""),
                        containsString("name=\"brand\" value=\"Blue Sea Lab\""),
                        containsString("src=\"/products" + LOGO + "\""), containsString("alt=\"Hanbit Health 로고\""),
                        containsString("title=\"한국어(ko)\">ko</abbr>"), containsString("아직 없음"),
                        containsString("href=\"/brands/edit?name=Hanbit%20Health\">편집</a>"),
                        containsString("href=\"/brands/edit?name=Lab%201/2%20%26%20Co\""))));
        mvc.perform(get("/brands").header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("<h1>Brands</h1>"),
                        containsString("Published"), containsString(">Hanbit Health</a>"),
                        containsString("title=\"English (en)\">en</abbr>"), containsString(">Edit</a>"))));
    }

    @Test
    void theBrandPageAsksForTheBrandInTheQueryStringSoASlashAndAnAmpersandSurvive() throws Exception {
        writeLogo();
        // As the list links to it.
        mvc.perform(get(java.net.URI.create("/brands/edit?name=Lab%201/2%20%26%20Co")).header("Accept-Language", "ko")
                        .with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-brand-edit")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>브랜드 Lab 1/2 &amp; Co</h1>"),
                        containsString("data-nav=\"brands\""),
                        containsString("src=\"/products" + LOGO + "\""),
                        containsString("action=\"/brands/edit/logo\" enctype=\"multipart/form-data\""),
                        containsString("action=\"/brands/edit/logo/removal\""),
                        containsString("action=\"/brands/edit/texts\""),
                        containsString("name=\"name\" value=\"Lab 1/2 &amp; Co\""),
                        containsString("name=\"version\" value=\"7\""),
                        containsString("name=\"displayName.ko\" maxlength=\"80\" lang=\"ko\" value=\"랩 하프\""),
                        containsString(">부산에서 만든 반 용량 비타민.</textarea>"),
                        containsString("name=\"description.vi\" maxlength=\"600\""), containsString("베트남어(vi)"),
                        containsString("name=\"_csrf\""),
                        // switching the language shows the same brand
                        containsString("href=\"?name=Lab%201/2%20%26%20Co&amp;lang=en\""))));
        assertThat(WAS.calls("GET")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/profile?" + ODD_QUERY);
            assertThat(call.operator()).isEqualTo("editor");
        });
    }

    @Test
    void aSaveSendsEveryLanguagesTextsWithTheVersionAndTheBrandShowsThemAfterwards() throws Exception {
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "7")
                        .param("displayName.en", " Lab Half ").param("description.en", "")
                        .param("displayName.ko", "랩 하프").param("description.ko", "반 용량 비타민.")
                        .param("displayName.vi", "").param("description.vi", "")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands/edit?name=Lab%201%2F2%20%26%20Co"))
                .andExpect(flash().attribute("notice", "texts"));
        assertThat(WAS.calls("PUT")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/profile?" + ODD_QUERY);
            assertThat(call.body()).isEqualTo("""
                    {"version":7,"texts":{"en":{"displayName":"Lab Half","description":null},\
                    "ko":{"displayName":"랩 하프","description":"반 용량 비타민."}}}""");
            assertThat(call.operator()).isEqualTo("editor");
        });

        WAS.answer("GET /api/admin/brands/profile", 200, profile(ODD, 8, LOGO, """
                {"en":{"displayName":"Lab Half","description":null},"ko":{"displayName":"랩 하프","description":"반 용량 비타민."}}"""));
        mvc.perform(get("/brands/edit").param("name", ODD).header("Accept-Language", "en")
                        .with(as("editor", "CATALOG_MANAGER")).flashAttr("notice", "texts"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Texts saved."),
                        containsString("name=\"version\" value=\"8\""),
                        containsString(">반 용량 비타민.</textarea>"),
                        not(containsString("부산에서 만든")))));
    }

    @Test
    void aRefusedFieldIsShownNextToItInTheOperatorsLanguageWithWhatWasTypedKept() throws Exception {
        var tooLong = "x".repeat(81);
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "7")
                        .param("displayName.ko", tooLong).param("description.ko", "설명")
                        .header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-brand-edit-refused")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다."),
                        containsString("value=\"" + tooLong + "\" aria-invalid=\"true\">"),
                        containsString("<p class=\"field-error\">표시 이름(ko)은(는) 80자를 넘을 수 없습니다.</p>"),
                        containsString("<li>texts.fr은(는) 알 수 없는 값입니다.</li>"),
                        containsString(">설명</textarea>"), not(containsString("랩 하프")))));
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "7")
                        .param("displayName.ko", tooLong)
                        .header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("The request has invalid fields; nothing was saved."),
                        containsString("<p class=\"field-error\">Display name (ko) must be at most 80 characters.</p>"))));
    }

    @Test
    void aStaleSaveSaysSomeoneChangedTheBrandAndShowsItsCurrentTextsBesideWhatWasTyped() throws Exception {
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "6")
                        .param("displayName.ko", "랩 반쪽").param("displayName.en", "Lab Half")
                        .header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-brand-edit-stale")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("Someone changed brand Lab 1/2 &amp; Co after you opened this page, so nothing was saved."),
                        containsString("<td>Display name (ko)</td>"), containsString("<td lang=\"ko\">한빛 하프</td>"),
                        containsString("<td lang=\"ko\">랩 반쪽</td>"),
                        containsString("name=\"displayName.ko\" maxlength=\"80\" lang=\"ko\" value=\"랩 반쪽\""),
                        containsString("name=\"version\" value=\"8\""))));
        // The current texts came with the refusal: the page was not fetched again.
        assertThat(WAS.calls("GET")).isEmpty();
    }

    @Test
    void aLogoUploadSendsTheImageAsTheBodyAndARefusalIsShownAtTheFileField() throws Exception {
        var png = writeLogo();
        mvc.perform(multipart("/brands/edit/logo").file(new MockMultipartFile("logo", "logo.png", "image/png", png))
                        .param("name", ODD).with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands/edit?name=Lab%201%2F2%20%26%20Co"))
                .andExpect(flash().attribute("notice", "logo"));
        assertThat(WAS.calls("PUT")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/logo?" + ODD_QUERY);
            assertThat(call.contentType()).isEqualTo("application/octet-stream");
            assertThat(call.bytes()).isEqualTo(png);
        });

        mvc.perform(multipart("/brands/edit/logo").file(new MockMultipartFile("logo", "", "application/octet-stream",
                        new byte[0])).param("name", ODD).header("Accept-Language", "ko")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<p class=\"field-error\">파일은(는) 필수입니다.</p>")));

        mvc.perform(post("/brands/edit/logo/removal").param("name", ODD).with(as("editor", "CATALOG_MANAGER"))
                .with(csrf())).andExpect(redirectedUrl("/brands/edit?name=Lab%201%2F2%20%26%20Co"))
                .andExpect(flash().attribute("notice", "logoRemoved"));
        assertThat(WAS.calls("DELETE")).singleElement().extracting(StandIn.Call::uri)
                .isEqualTo("/api/admin/brands/logo?" + ODD_QUERY);
    }

    @Test
    void aRenameSendsBothNamesInTheBodyAndAMergeIsSaidToBeOne() throws Exception {
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Hanbit Healthcare")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands")).andExpect(flash().attribute("notice", "renamed"));
        assertThat(WAS.calls("POST")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/rename");
            assertThat(call.body()).isEqualTo("{\"from\":\"Hanbit Health\",\"name\":\"Hanbit Healthcare\"}");
            assertThat(call.operator()).isEqualTo("editor");
        });
        WAS.calls().clear();
        mvc.perform(post("/brands/rename").param("brand", ODD).param("name", "Lab Half")
                .with(as("editor", "CATALOG_MANAGER")).with(csrf())).andExpect(redirectedUrl("/brands"));
        assertThat(WAS.calls("POST")).singleElement().satisfies(call -> {
            assertThat(call.uri()).isEqualTo("/api/admin/brands/rename");
            assertThat(call.body()).isEqualTo("{\"from\":\"Lab 1/2 & Co\",\"name\":\"Lab Half\"}");
        });

        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Blue Sea Lab")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/brands")).andExpect(flash().attribute("notice", "merged"));
        mvc.perform(get("/brands").header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER"))
                        .flashAttr("notice", "merged")
                        .flashAttr("noticeArguments", java.util.List.of("Hanbit Health", "Blue Sea Lab", 4)))
                .andExpect(content().string(containsString(
                        "Brand Hanbit Health merged into Blue Sea Lab: its 4 products now carry Blue Sea Lab.")));
    }

    @Test
    void aRefusalIsShownInTheOperatorsLanguageWithTheNameTypedKept() throws Exception {
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "")
                        .header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-brands-refused")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("요청에 잘못된 항목이 있어 아무것도 저장되지 않았습니다."),
                        containsString("이름은(는) 필수입니다."),
                        containsString("<h1>브랜드</h1>"))));
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "")
                        .header("Accept-Language", "en").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("The request has invalid fields; nothing was saved."),
                        containsString("Name is required."))));
    }

    @Test
    void aViewerSeesTheBrandsButNoFormAndIsRefusedARename() throws Exception {
        mvc.perform(get("/brands").with(as("auditor", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Blue Sea Lab</a>"),
                        not(containsString("action=\"/brands/rename\"")))));
        WAS.calls().clear();
        mvc.perform(post("/brands/rename").param("brand", "Hanbit Health").param("name", "Other")
                .with(as("auditor", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/brands").with(as("clerk", "ORDER_MANAGER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    @Test
    void aViewerSeesTheBrandPageReadOnlyAndIsRefusedEveryChange() throws Exception {
        mvc.perform(get("/brands/edit").param("name", ODD).header("Accept-Language", "en")
                        .with(as("auditor", "VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("value=\"Lab Half\" aria-invalid=\"false\" readonly=\"readonly\""),
                        not(containsString("action=\"/brands/edit/logo\"")),
                        not(containsString("action=\"/brands/edit/logo/removal\"")),
                        not(containsString("<button type=\"submit\">Save</button>")))));
        WAS.calls().clear();
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "7")
                .param("displayName.ko", "랩").with(as("auditor", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/brands/edit/logo").file(new MockMultipartFile("logo", "logo.png", "image/png",
                new byte[] {1, 2, 3})).param("name", ODD).with(as("auditor", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/brands/edit/logo/removal").param("name", ODD).with(as("auditor", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        // Without the CSRF token even an editor is refused.
        mvc.perform(post("/brands/edit/texts").param("name", ODD).param("version", "7")
                .with(as("editor", "CATALOG_MANAGER"))).andExpect(status().isForbidden());
        mvc.perform(get("/brands/edit").param("name", ODD).with(as("clerk", "ORDER_MANAGER")))
                .andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    /**
     * A small PNG logo: the bytes an upload sends, and the file the page's snapshot shows (the media store's file of
     * {@link #LOGO} under target/screens/media).
     */
    static byte[] writeLogo() throws IOException {
        var image = new BufferedImage(300, 96, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1f5fa8));
        g.fillRoundRect(4, 4, 88, 88, 24, 24);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("½", 30, 64);
        g.setColor(new Color(0x1d2a2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 32));
        g.drawString("Lab & Co", 106, 60);
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        var media = Files.createDirectories(Path.of("target/screens/media"));
        Files.write(media.resolve(LOGO.substring(LOGO.lastIndexOf('/') + 1)), bytes.toByteArray());
        return bytes.toByteArray();
    }
}
