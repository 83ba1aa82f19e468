/**
 * Community life: student organisations (the principal-assistant group, the self-discipline
 * committee, the veterans' association, clubs), dormitory hygiene and safety inspections with
 * rectification and civilised-dorm ratings, and the community police office's safety log.
 * {@link org.shouwang.community.Organisations} is the public entry point other modules use.
 */
package org.shouwang.community;
