package org.shouwang.imports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reading the values admins type into spreadsheets, in Chinese or English. */
public final class Cells {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Map<String, String> GENDERS = Map.of("M", "M", "F", "F", "男", "M", "女", "F",
            "MALE", "M", "FEMALE", "F");

    private Cells() {
    }

    /** M or F, from M/F, 男/女 or male/female in any case. */
    public static Optional<String> gender(String value) {
        return choice(value, GENDERS);
    }

    /** An 11-digit mainland mobile number. */
    public static boolean isMobilePhone(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }

    /** A whole number; "2024.0" (as Excel may give it) counts as 2024. */
    public static OptionalInt integer(String value) {
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            BigDecimal number = new BigDecimal(value.trim());
            return OptionalInt.of(number.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    /** The code for a value from a fixed list; keys of {@code accepted} are upper case. */
    public static Optional<String> choice(String value, Map<String, String> accepted) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(accepted.get(value.trim().toUpperCase(Locale.ROOT)));
    }
}
