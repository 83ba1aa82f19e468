/**
 * Small, open pieces every module uses: the viewer, roles, errors as problem details, masking.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.shouwang.shared;
