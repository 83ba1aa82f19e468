/**
 * Community spaces (功能空间) and their booking: study, seminar, activity and talk rooms and the
 * other functional rooms of the community, defined by administrators and building managers,
 * booked by students, organisations, staff and activities under one set of rules, so that no two
 * bookings of a space ever overlap. {@link org.shouwang.spaces.Spaces} defines and reads spaces;
 * {@link org.shouwang.spaces.SpaceBookings} books them.
 */
package org.shouwang.spaces;
