package org.shouwang.party;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.identity.AuditLog;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Studios;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners (共建单位) and their agreements and contacts. Everyone signed in reads the public parts
 * of active partners (contacts' phones masked unless {@link PartnerPhones#seenWholeBy}); administrators
 * and student affairs set partners up, change them (with the version read) and end partnerships.
 * A partner's co-built studios and joint activities are found by its name.
 */
@Service
@Transactional
public class Partners {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int PURPOSE_MAX = 2000;
    static final int CONTACT_MAX = 50;
    static final int CONTACTS_MAX = 5;
    /** An agreement ending within this many days is flagged. */
    public static final int EXPIRY_WARNING_DAYS = 60;

    private final JdbcClient jdbc;
    private final Studios studios;
    private final ActivityQueries activities;
    private final AuditLog audit;
    private final Clock clock;

    Partners(JdbcClient jdbc, @Lazy Studios studios, @Lazy ActivityQueries activities, @Lazy AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.studios = studios;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Administrators and student affairs keep partners and mentors. */
    public static boolean administers(Viewer viewer) {
        return viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS);
    }

    /** Whether this viewer sees contacts' and mentors' phone numbers whole. */
    public static boolean seesPhones(Viewer viewer) {
        return PartnerPhones.seenWholeBy(viewer);
    }

    // — reading —

    /** Active partners (or, for those who administer, ended ones when {@code ended}), by kind then name; kind may be null. */
    @Transactional(readOnly = true)
    public List<PartnerViews.Summary> list(Viewer viewer, PartnerKind kind, boolean ended) {
        if (ended && !administers(viewer)) {
            throw new NotFoundException("page", "partners/ended");
        }
        LocalDate today = CampusTime.today(clock);
        return jdbc.sql("SELECT id, name, kind, address, purpose, agreement_ends_on, active FROM partner WHERE active = :active"
                        + (kind == null ? "" : " AND kind = :kind") + " ORDER BY kind, name")
                .param("active", !ended)
                .params(kind == null ? Map.of() : Map.of("kind", kind.name()))
                .query((rs, n) -> {
                    LocalDate ends = rs.getObject("agreement_ends_on", LocalDate.class);
                    boolean active = rs.getBoolean("active");
                    return new PartnerViews.Summary(rs.getLong("id"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                            rs.getString("address"), rs.getString("purpose"), ends, active && expiringSoon(ends, today),
                            ends != null && ends.isBefore(today), active);
                }).list();
    }

    /** One partner; an ended one only for those who administer (404 for others, and when there is none). */
    @Transactional(readOnly = true)
    public PartnerViews.Partner partner(Viewer viewer, long id) {
        LocalDate today = CampusTime.today(clock);
        List<PartnerViews.Contact> contacts = jdbc.sql("SELECT name, role, phone FROM partner_contact WHERE partner_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new PartnerViews.Contact(rs.getString(1), rs.getString(2),
                        PartnerPhones.shown(rs.getString(3), viewer))).list();
        PartnerViews.Partner partner = jdbc.sql("""
                        SELECT id, version, name, kind, address, purpose, agreement_signed_on, agreement_ends_on, active, ended_on
                        FROM partner WHERE id = ?""")
                .param(id)
                .query((rs, n) -> {
                    LocalDate ends = rs.getObject("agreement_ends_on", LocalDate.class);
                    boolean active = rs.getBoolean("active");
                    return new PartnerViews.Partner(id, rs.getInt("version"), rs.getString("name"),
                            PartnerKind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("purpose"),
                            rs.getObject("agreement_signed_on", LocalDate.class), ends, active && expiringSoon(ends, today),
                            ends != null && ends.isBefore(today), active, rs.getObject("ended_on", LocalDate.class), contacts,
                            PartnerPhones.seenWholeBy(viewer));
                })
                .optional().orElseThrow(() -> new NotFoundException("partner", id));
        if (!partner.active() && !administers(viewer)) {
            throw new NotFoundException("partner", id);
        }
        return partner;
    }

    /** The active studios whose partner is this partner's name. */
    @Transactional(readOnly = true)
    public List<PartnerViews.Studio> studios(PartnerViews.Partner partner) {
        return studios.directory(null, null).stream().filter(s -> partner.name().equals(s.partner()))
                .map(s -> new PartnerViews.Studio(s.id(), s.name(), s.venue(), s.services())).toList();
    }

    /** Activities organised by the partner (organiser kind PARTNER, organiser its name), newest first; every state for those who administer. */
    @Transactional(readOnly = true)
    public List<ActivityViews.Row> activities(Viewer viewer, PartnerViews.Partner partner, int limit) {
        return activities.organisedBy(OrganiserKind.PARTNER, partner.name(), administers(viewer), limit);
    }

    /** Active partners' names by id, by name: for the mentor form's choice. */
    @Transactional(readOnly = true)
    public Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM partner WHERE active ORDER BY name").query(rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM partner WHERE name = ?").param(name == null ? "" : name.strip()).query(Long.class).optional();
    }

    // — keeping (administrators and student affairs) —

    public long create(Viewer viewer, PartnerDraft draft) {
        requireAdministers(viewer);
        Checked c = checked(draft, null);
        jdbc.sql("""
                        INSERT INTO partner (name, kind, address, purpose, agreement_signed_on, agreement_ends_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.name, draft.kind().name(), c.address, c.purpose, draft.agreementSignedOn(), draft.agreementEndsOn(),
                        Timestamps.of(clock.instant()))
                .update();
        long id = jdbc.sql("SELECT id FROM partner WHERE name = ?").param(c.name).query(Long.class).single();
        writeContacts(id, c.contacts);
        audit.record(viewer, "partner.create", "partner", id, c.name);
        return id;
    }

    /** Changes a partner with the version read ({@code partner.changed} when someone changed it since; null skips the check). */
    public void update(Viewer viewer, long id, PartnerDraft draft, Integer expectedVersion) {
        requireAdministers(viewer);
        int version = versionOf(id);
        Checked c = checked(draft, id);
        if (expectedVersion != null && expectedVersion != version) {
            throw new RuleViolation("partner.changed");
        }
        int changed = jdbc.sql("""
                        UPDATE partner SET name = ?, kind = ?, address = ?, purpose = ?, agreement_signed_on = ?,
                               agreement_ends_on = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(c.name, draft.kind().name(), c.address, c.purpose, draft.agreementSignedOn(), draft.agreementEndsOn(),
                        id, version)
                .update();
        if (changed == 0) {
            throw new RuleViolation("partner.changed");
        }
        jdbc.sql("DELETE FROM partner_contact WHERE partner_id = ?").param(id).update();
        writeContacts(id, c.contacts);
        audit.record(viewer, "partner.update", "partner", id, c.name);
    }

    /** Ends the partnership today: the partner leaves the public list; its history stays. Ending it again is refused. */
    public void end(Viewer viewer, long id) {
        requireAdministers(viewer);
        versionOf(id);
        if (jdbc.sql("UPDATE partner SET active = FALSE, ended_on = ?, version = version + 1 WHERE id = ? AND active")
                .params(CampusTime.today(clock), id).update() == 0) {
            throw new RuleViolation("partner.alreadyEnded");
        }
        audit.record(viewer, "partner.end", "partner", id, null);
    }

    private record Checked(String name, String address, String purpose, List<PartnerDraft.Contact> contacts) {
    }

    private Checked checked(PartnerDraft draft, Long id) {
        Fields f = new Fields();
        String name = f.text(draft.name(), "name", NAME_MAX, true);
        f.required(draft.kind(), "kind");
        String address = f.text(draft.address(), "address", ADDRESS_MAX, true);
        String purpose = f.text(draft.purpose(), "purpose", PURPOSE_MAX, true);
        if (draft.agreementSignedOn() != null && draft.agreementEndsOn() != null
                && draft.agreementEndsOn().isBefore(draft.agreementSignedOn())) {
            f.add("agreementEndsOn", "partner.endsBeforeSigned");
        }
        if (draft.agreementSignedOn() != null && draft.agreementSignedOn().isAfter(CampusTime.today(clock))) {
            f.add("agreementSignedOn", "partner.inFuture");
        }
        if (name != null && jdbc.sql("SELECT count(*) FROM partner WHERE name = ? AND id <> ?").params(name, id == null ? -1L : id)
                .query(Long.class).single() > 0) {
            f.add("name", "partner.nameTaken");
        }
        if (draft.contacts().size() > CONTACTS_MAX) {
            f.add("contacts", "partner.tooManyContacts", CONTACTS_MAX);
        }
        List<PartnerDraft.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < Math.min(draft.contacts().size(), CONTACTS_MAX); i++) {
            PartnerDraft.Contact c = draft.contacts().get(i);
            if (c == null || blank(c.name()) && blank(c.role()) && blank(c.phone())) {
                continue;
            }
            String prefix = "contacts[" + i + "].";
            String cn = f.text(c.name(), prefix + "name", CONTACT_MAX, true);
            String role = f.text(c.role(), prefix + "role", CONTACT_MAX, true);
            String phone = PartnerPhones.check(c.phone(), prefix + "phone", true, f);
            contacts.add(new PartnerDraft.Contact(cn, role, phone));
        }
        f.check();
        return new Checked(name, address, purpose, contacts);
    }

    private void writeContacts(long id, List<PartnerDraft.Contact> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            PartnerDraft.Contact c = contacts.get(i);
            jdbc.sql("INSERT INTO partner_contact (partner_id, position, name, role, phone) VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, c.name(), c.role(), c.phone()).update();
        }
    }

    private int versionOf(long id) {
        return jdbc.sql("SELECT version FROM partner WHERE id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("partner", id));
    }

    static boolean expiringSoon(LocalDate ends, LocalDate today) {
        return ends != null && !ends.isBefore(today) && !ends.isAfter(today.plusDays(EXPIRY_WARNING_DAYS));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static void requireAdministers(Viewer viewer) {
        if (!administers(viewer)) {
            throw new NotFoundException("page", "partners/admin");
        }
    }
}
