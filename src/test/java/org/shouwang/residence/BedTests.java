package org.shouwang.residence;

import org.junit.jupiter.api.Test;
import org.shouwang.people.Gender;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of who may sleep in a bed, without a database. */
class BedTests {

    private static final StudentSummary LI_NA = new StudentSummary(7, "2024000007", "李娜", Gender.F, 1, "软件2401班");
    private static final StudentSummary WANG_WEI = new StudentSummary(8, "2024000008", "王伟", Gender.M, 1, "软件2401班");

    private static Bed bed(Gender roomGender, boolean reserved, Long occupant) {
        return new Bed(1, "3", reserved, occupant, 10, "301", roomGender, 3, 100, "知行1号楼");
    }

    @Test
    void admitsAStudentOfTheRoomsGenderIntoAFreeBed() {
        assertThatCode(() -> bed(Gender.F, false, null).admit(LI_NA)).doesNotThrowAnyException();
        assertThat(bed(Gender.F, false, null).status()).isEqualTo(BedStatus.FREE);
    }

    @Test
    void refusesAStudentOfTheOtherGender() {
        assertThatThrownBy(() -> bed(Gender.F, false, null).admit(WANG_WEI))
                .isInstanceOf(RuleViolation.class).hasMessage("bed.genderMismatch");
    }

    @Test
    void refusesAnOccupiedBed() {
        Bed taken = bed(Gender.F, false, 99L);
        assertThat(taken.status()).isEqualTo(BedStatus.OCCUPIED);
        assertThatThrownBy(() -> taken.admit(LI_NA)).isInstanceOf(RuleViolation.class).hasMessage("bed.occupied");
    }

    @Test
    void refusesAReservedBed() {
        Bed held = bed(Gender.F, true, null);
        assertThat(held.status()).isEqualTo(BedStatus.RESERVED);
        assertThatThrownBy(() -> held.admit(LI_NA)).isInstanceOf(RuleViolation.class).hasMessage("bed.reserved");
    }

    @Test
    void saysWhenTheStudentAlreadySleepsThere() {
        assertThatThrownBy(() -> bed(Gender.F, false, LI_NA.id()).admit(LI_NA))
                .isInstanceOf(RuleViolation.class).hasMessage("bed.alreadyThere");
    }

    @Test
    void describesItselfByBuildingRoomAndLabel() {
        assertThat(bed(Gender.F, false, null).describe()).isEqualTo("知行1号楼 301-3");
    }
}
