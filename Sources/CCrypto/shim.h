// OpenSSL's libcrypto (Debian libssl-dev), for the Jupyter wire protocol's HMAC-SHA256 signatures.
// The one-shot HMAC() is not deprecated in OpenSSL 3; CRYPTO_memcmp compares in constant time.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
