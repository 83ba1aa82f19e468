package org.shouwang.insights;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.shouwang.party.MentorExpertise;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.PartnerViews;
import org.shouwang.party.Partners;
import org.shouwang.party.PartyMemberViews;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.shared.FormValues;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The Party tree with its public counts (/party), a Party organisation's roster (/party/{id}; political
 * status only for those the page shows it to, 404 for anyone else), partners with their contacts
 * (/partners; phone numbers only for those who see them whole) and mentors with their
 * participation (/mentors; participation for staff only, as on a mentor's page) as xlsx.
 */
@Service
public class ExportParty {

    private final PartyOrganisations organisations;
    private final PartyMembers members;
    private final Partners partners;
    private final Mentors mentors;
    private final MessageSource messages;

    ExportParty(PartyOrganisations organisations, PartyMembers members, Partners partners, Mentors mentors, MessageSource messages) {
        this.organisations = organisations;
        this.members = members;
        this.partners = partners;
        this.mentors = mentors;
        this.messages = messages;
    }

    // — the tree: names, kinds, secretaries and counts by status (public, as on /party) —

    public void writeTree(Locale locale, OutputStream out) {
        Map<Long, PartyMemberViews.Counts> counts = members.counts();
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.party", "export.party.", "organisation", "kind", "secretary", "full",
                "probationary", "activist", "applicant").width(0, 36);
        for (PartyViews.Node n : organisations.tree()) {
            PartyMemberViews.Counts c = counts.getOrDefault(n.id(), PartyMemberViews.Counts.NONE);
            sheet.row("  ".repeat(Math.max(0, n.depth())) + n.name(), book.text("party.kind." + n.kind()), n.secretaryName(),
                    c.full(), c.probationary(), c.activist(), c.applicant());
        }
        book.finish();
    }

    // — one organisation's roster (404 for whom /party/{id} shows no roster) —

    public PartyMemberViews.Roster roster(Viewer viewer, long organisationId) {
        return members.roster(viewer, organisationId);
    }

    public void writeRoster(PartyMemberViews.Roster roster, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet sheet = book.sheet("export.sheet.roster", "export.party.", "number", "name", "status", "appliedOn", "activistOn",
                "probationaryOn", "fullOn").width(1, 16);
        for (PartyMemberViews.Member m : roster.members()) {
            sheet.row(m.number(), m.name(), book.text("party.member.status." + m.status()), m.appliedOn(), m.activistOn(),
                    m.probationaryOn(), m.fullOn());
        }
        book.finish();
    }

    // — partners —

    /** A partner of the list with its contacts as the viewer may see them. */
    public record Partner(PartnerViews.Summary summary, List<PartnerViews.Contact> contacts) {
    }

    public List<Partner> partners(Viewer viewer, String kind, boolean ended) {
        List<Partner> all = new ArrayList<>();
        for (PartnerViews.Summary s : partners.list(viewer, FormValues.filter(PartnerKind.class, kind), ended)) {
            all.add(new Partner(s, partners.partner(viewer, s.id()).contacts()));
        }
        return all;
    }

    public void writePartners(List<Partner> rows, Viewer viewer, Locale locale, OutputStream out) {
        boolean phones = Partners.seesPhones(viewer);
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet list = book.sheet("export.sheet.partners", "export.partners.", "name", "kind", "address", "purpose",
                "agreementEndsOn", "expired").width(0, 30).width(3, 40);
        for (Partner p : rows) {
            PartnerViews.Summary s = p.summary();
            list.row(s.name(), book.text("partner.kind." + s.kind()), ExportRequests.mask(s.address()), ExportRequests.mask(s.purpose()),
                    s.agreementEndsOn(), s.expired());
        }
        XlsxSheet contacts = phones
                ? book.sheet("export.sheet.contacts", "export.partners.", "partner", "contact", "role", "phone")
                : book.sheet("export.sheet.contacts", "export.partners.", "partner", "contact", "role");
        contacts.width(0, 30);
        for (Partner p : rows) {
            for (PartnerViews.Contact c : p.contacts()) {
                if (phones) {
                    contacts.row(p.summary().name(), c.name(), c.role(), c.phone());
                } else {
                    contacts.row(p.summary().name(), c.name(), c.role());
                }
            }
        }
        book.finish();
    }

    // — mentors —

    /** A mentor of the directory with their participation (empty for students, who do not see it). */
    public record Mentor(MentorViews.Summary summary, List<MentorViews.Participation> participation) {
    }

    public List<Mentor> mentors(Viewer viewer, String expertise, String q) {
        List<Mentor> all = new ArrayList<>();
        for (MentorViews.Summary s : mentors.directory(FormValues.filter(MentorExpertise.class, expertise), q)) {
            all.add(new Mentor(s, viewer.isStaff() ? mentors.participation(viewer, s.id(), null) : List.of()));
        }
        return all;
    }

    public void writeMentors(List<Mentor> rows, Viewer viewer, Locale locale, OutputStream out) {
        XlsxSheet.Book book = XlsxSheet.book(out, messages, locale);
        XlsxSheet list = book.sheet("export.sheet.mentors", "export.mentors.", "name", "affiliation", "title", "expertise",
                "hoursThisYear").width(0, 16).width(1, 30).width(3, 30);
        for (Mentor m : rows) {
            MentorViews.Summary s = m.summary();
            list.row(s.name(), s.affiliation(), s.title(),
                    s.expertise().stream().sorted().map(e -> book.text("mentor.expertise." + e)).collect(Collectors.joining("、")),
                    s.hoursThisYear());
        }
        if (viewer.isStaff()) {
            XlsxSheet log = book.sheet("export.sheet.participation", "export.mentors.", "mentor", "on", "kind", "what", "studio",
                    "hours").width(3, 40);
            for (Mentor m : rows) {
                for (MentorViews.Participation p : m.participation()) {
                    log.row(m.summary().name(), p.on(), book.text("mentor.participation." + p.kind()), ExportRequests.mask(p.what()),
                            p.studioName(), p.hours());
                }
            }
        }
        book.finish();
    }
}
