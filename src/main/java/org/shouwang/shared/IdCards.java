package org.shouwang.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The 18-digit resident identity card number of GB 11643-1999 and its ISO 7064 MOD 11-2 check digit. */
public final class IdCards {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCards() {
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{17}[\\dX]")) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return number.charAt(17) == checkDigit(number.substring(0, 17));
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
