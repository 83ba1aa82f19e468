package org.shouwang.studios.web;

import org.shouwang.studios.DutyDraft;

/** The "add a shift" form of the week grid, as typed: everything text, so that nothing typed fails before the service checks it. */
record DutyForm(String username, String buildingId, String venue, String studioId, String start, String end) {

    static DutyForm empty(Long studioId, Long buildingId) {
        return new DutyForm("", buildingId == null ? "" : buildingId.toString(), "", studioId == null ? "" : studioId.toString(),
                "", "");
    }

    /** An id that is not a number becomes one that names nothing, so the service reports it on its field. */
    DutyDraft draft() {
        return new DutyDraft(username, id(buildingId), venue, id(studioId), start, end);
    }

    static Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** A filter parameter: a number, else nothing. */
    static Long filter(String text) {
        Long id = id(text);
        return id == null || id < 0 ? null : id;
    }
}
