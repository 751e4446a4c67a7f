package dev.onshore.admin;

import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file the internal WAS answered (an export, an import template), to hand on to the browser as it came.
 *
 * @param disposition the WAS's {@code Content-Disposition}, {@code attachment} when it sent none
 */
public record WasFile(byte[] bytes, String contentType, String disposition) {

    /** The file in the WAS's answer; an empty body is an empty file, an untyped one an octet stream. */
    public static WasFile of(ResponseEntity<byte[]> answer) {
        var type = answer.getHeaders().getContentType();
        return new WasFile(answer.getBody() == null ? new byte[0] : answer.getBody(),
                type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(),
                Objects.requireNonNullElse(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION),
                        "attachment"));
    }

    /** The spreadsheet format the WAS is asked for: {@code csv} when the operator chose it, else {@code xlsx}. */
    public static String spreadsheetFormat(String requested) {
        return requested.toLowerCase(Locale.ROOT).equals("csv") ? "csv" : "xlsx";
    }

    /** The browser's download: the WAS's type, disposition and bytes. */
    public ResponseEntity<byte[]> download() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(bytes);
    }
}
