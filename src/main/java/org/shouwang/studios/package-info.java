/**
 * Studios (工作室) and what happens in them: the studio directory, duty rosters of the staff
 * stationed in the community (队伍入驻), appointments with studio staff (psychology ones
 * confidential) and education projects (育人项目). {@link org.shouwang.studios.Studios} is the
 * public entry point other modules use.
 */
package org.shouwang.studios;
