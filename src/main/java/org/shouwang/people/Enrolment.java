package org.shouwang.people;

/** Where a student stands in the vertical chain, as other modules' rules need it (an activity's audience). */
public record Enrolment(long studentId, String studentNumber, String name, long classId, long collegeId, int gradeYear,
                        PoliticalStatus politicalStatus) {

    public boolean partyMember() {
        return politicalStatus == PoliticalStatus.PARTY_MEMBER || politicalStatus == PoliticalStatus.PROBATIONARY_MEMBER;
    }
}
