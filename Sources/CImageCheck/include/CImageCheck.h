#ifndef SIGNPOST_IMAGE_CHECK_H
#define SIGNPOST_IMAGE_CHECK_H
#include <stddef.h>

/* Decodes a whole PNG or JPEG picture from memory with Debian's libpng or libjpeg, to prove
   it is one, whatever its file is called. Returns 1 when every row decodes; otherwise 0, with
   the library's reason in `message`. Pictures wider or taller than `max_side` are refused
   before their rows are decoded. */
int signpost_check_png(const unsigned char *data, size_t size, unsigned max_side, char *message, size_t capacity);
int signpost_check_jpeg(const unsigned char *data, size_t size, unsigned max_side, char *message, size_t capacity);

#endif
