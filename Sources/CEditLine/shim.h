// libedit's readline-compatible layer. stdio.h must precede readline.h, which uses FILE.
// Swift 6 cannot assign imported mutable C globals, so the few we set get inline setters here.
#include <stdio.h>
#include <signal.h>
#include <editline/readline.h>
