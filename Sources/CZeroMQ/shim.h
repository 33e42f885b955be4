// libzmq (Debian libzmq3-dev). Linked by name only: Debian's libzmq.pc adds include flags hps
// does not need (krb5, pgm, libxml2).
#include <zmq.h>
