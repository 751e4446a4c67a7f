package dev.onshore.admin;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An import the internal WAS runs in the background (products, marketplace orders), as its status page and polling
 * show it: checking the rows is the first half of its progress, saving them the second.
 */
public interface BackgroundImport {

    Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    String state();

    int totalRows();

    int processedRows();

    int savedRows();

    default boolean finished() {
        return "SUCCEEDED".equals(state()) || "FAILED".equals(state());
    }

    /** 0-100: checking the rows is the first half, saving them the second. */
    default int percent() {
        if (finished() || totalRows() == 0) {
            return finished() ? 100 : 0;
        }
        return "SAVING".equals(state()) ? 50 + savedRows() * 50 / totalRows() : processedRows() * 50 / totalRows();
    }

    /** {@code id} when it can be an import's id; a 404 for anything else, before the WAS is asked. */
    static String requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
