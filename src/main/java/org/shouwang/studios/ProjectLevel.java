package org.shouwang.studios;

/** How an education project (育人项目) is ranked: featured (精品) or quality (优质). */
public enum ProjectLevel {
    FEATURED, QUALITY
}
