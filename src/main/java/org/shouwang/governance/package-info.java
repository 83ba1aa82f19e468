/**
 * Governance of the one-stop community: leading bodies and their meetings, decisions tracked as
 * action items to done (supervised when overdue, like requests), documents published in versions,
 * and the honours the university, its departments, studios, projects, organisations and students win.
 */
package org.shouwang.governance;
