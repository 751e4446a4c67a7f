package dev.onshore.was.catalog.internal;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The category tree. */
public interface Categories extends ListCrudRepository<Category, String> {

    List<Category> findAllByOrderByDepthAscPositionAsc();
}
