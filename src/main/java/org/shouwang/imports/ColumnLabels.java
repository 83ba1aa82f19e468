package org.shouwang.imports;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Column names as people write them: the key, the Chinese or English label, or the template's both. */
@Component
class ColumnLabels {

    private final MessageSource messages;

    ColumnLabels(MessageSource messages) {
        this.messages = messages;
    }

    String label(String key, Locale locale) {
        return messages.getMessage("import.column." + key, null, key, locale);
    }

    String label(String key) {
        return label(key, LocaleContextHolder.getLocale());
    }

    /** The header text of the templates: {@code 学号 / Student number}. */
    String templateHeader(Column column) {
        return label(column.key(), Locale.SIMPLIFIED_CHINESE) + " / " + label(column.key(), Locale.ENGLISH);
    }

    /** Every header text, normalised, that names this column. */
    Set<String> accepted(Column column) {
        String zh = label(column.key(), Locale.SIMPLIFIED_CHINESE);
        String en = label(column.key(), Locale.ENGLISH);
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[]{column.key(), zh, en, templateHeader(column), zh + "(" + column.key() + ")",
                en + "(" + column.key() + ")"}) {
            names.add(normalise(name));
        }
        return names;
    }

    static String normalise(String header) {
        return header.replace('（', '(').replace('）', ')').replace('／', '/').replace("*", "")
                .replace('\uFEFF', ' ').replaceAll("[\\s\\u00A0\\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
