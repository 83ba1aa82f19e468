package org.shouwang.community;

/** What kind of incident the community police office logged. */
public enum IncidentCategory {
    THEFT, FIRE_HAZARD, PROHIBITED_APPLIANCE, FRAUD, CONFLICT, INJURY, INTRUSION, LOST_PROPERTY, OTHER
}
