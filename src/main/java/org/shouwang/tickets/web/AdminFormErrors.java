package org.shouwang.tickets.web;

import org.shouwang.shared.InvalidInput;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts what a service found wrong on the form fields it names, so each shows next to its field. */
final class AdminFormErrors {

    private AdminFormErrors() {
    }

    static void reject(BindingResult form, InvalidInput invalid) {
        for (InvalidInput.Problem p : invalid.problems()) {
            if (form.getTarget() != null && new BeanWrapperImpl(form.getTarget()).isReadableProperty(p.field())) {
                form.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                form.reject(p.code(), p.args(), p.code());
            }
        }
    }
}
