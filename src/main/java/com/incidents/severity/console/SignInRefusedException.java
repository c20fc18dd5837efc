package com.incidents.severity.console;

/** A sign-in post without the sign-in form's token: answered by {@link SignInRefusedRoute}. */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException() {
        super("The sign-in form did not carry its token", null, false, false);
    }
}
