package org.shouwang.party;

import java.util.regex.Pattern;

import org.shouwang.shared.Fields;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;

/**
 * Phone numbers of partners' contacts and of mentors: a mainland mobile (13812345678) or a landline
 * with its area code (0519-86881234, an extension after another dash). Administrators, student
 * affairs and leaders see them whole; everyone else sees them masked (138****5678).
 */
final class PartnerPhones {

    static final int MAX = 20;
    private static final Pattern FORMAT = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private PartnerPhones() {
    }

    static boolean seenWholeBy(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS) || viewer.has(Role.LEADER);
    }

    /** The number stripped of spaces, or null when blank; a number of another shape is a problem on the field. */
    static String check(String phone, String field, boolean required, Fields f) {
        String v = phone == null ? "" : phone.replace(" ", "").strip();
        if (v.isEmpty()) {
            if (required) {
                f.add(field, "field.required");
            }
            return null;
        }
        if (v.length() > MAX || !FORMAT.matcher(v).matches()) {
            f.add(field, "partner.badPhone");
        }
        return v;
    }

    static String shown(String phone, Viewer viewer) {
        if (phone == null || seenWholeBy(viewer)) {
            return phone;
        }
        return phone.length() >= 11 ? phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4)
                : phone.substring(0, Math.min(2, phone.length())) + "****";
    }
}
