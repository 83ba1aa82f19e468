package org.shouwang.studios;

/**
 * What a student may book a slot for (the "service" of a slot and its appointment). Psychology
 * counselling is offered by psychology studios only, whose appointments are confidential.
 */
public enum AppointmentService {
    PSYCHOLOGY_COUNSELLING, CAREER_ADVICE, LEGAL_AID, FINANCIAL_AID_ADVICE, STUDY_ADVICE, OTHER
}
