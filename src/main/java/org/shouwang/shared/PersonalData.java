package org.shouwang.shared;

/** Masks personal identifiers for viewers who do not need them (DESIGN §6). */
public final class PersonalData {

    private PersonalData() {
    }

    /** 13812345678 → 138****5678 */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 320402200301011234 → 320402********1234 */
    public static String maskIdCard(String idCard) {
        if (idCard == null || idCard.length() < 10) {
            return idCard == null ? null : "********";
        }
        return idCard.substring(0, 6) + "*".repeat(idCard.length() - 10) + idCard.substring(idCard.length() - 4);
    }
}
