package org.shouwang.studios;

/** The kinds of studio stationed in the community (工作室). Psychology studios are confidential. */
public enum StudioType {
    COUNSELLOR, HEAD_TEACHER, PSYCHOLOGY, LEGAL_AID, CAREER, FINANCIAL_AID, PARTNER, RESEARCH;

    /** Whose appointments and session notes only the student and the psychology centre may see. */
    public boolean confidential() {
        return this == PSYCHOLOGY;
    }
}
