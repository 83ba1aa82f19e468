/**
 * The Party organisation in and around the community (党建): the tree from the university Party
 * committee through the student-community working committee to functional and college branches,
 * their secretaries, committees and members, Party-member dorms and members' responsibility zones,
 * and the partners (共建单位) and off-campus mentors (校外育人力量) who work with the community.
 * {@link org.shouwang.party.PartyOrganisations} is the public entry point other modules use.
 */
package org.shouwang.party;
