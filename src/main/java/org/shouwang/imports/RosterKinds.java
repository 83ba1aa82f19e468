package org.shouwang.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The kinds other modules implement, by {@link ImportKind}. */
@Component
class RosterKinds {

    private final Map<ImportKind, RosterKind> kinds = new EnumMap<>(ImportKind.class);

    RosterKinds(List<RosterKind> implementations) {
        for (RosterKind kind : implementations) {
            if (kinds.put(kind.kind(), kind) != null) {
                throw new IllegalStateException("two implementations of roster kind " + kind.kind());
            }
        }
    }

    Optional<RosterKind> find(ImportKind kind) {
        return Optional.ofNullable(kinds.get(kind));
    }

    List<ImportKind> available() {
        return List.copyOf(kinds.keySet());
    }
}
