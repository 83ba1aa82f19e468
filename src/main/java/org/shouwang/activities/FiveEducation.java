package org.shouwang.activities;

/** 五育: the five educations an activity serves. */
public enum FiveEducation {
    MORAL, INTELLECTUAL, PHYSICAL, AESTHETIC, LABOUR
}
