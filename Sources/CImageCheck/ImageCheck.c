#include "CImageCheck.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

int signpost_check_png(const unsigned char *data, size_t size, unsigned max_side, char *message, size_t capacity) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        snprintf(message, capacity, "%s", image.message);
        return 0;
    }
    if (image.width > max_side || image.height > max_side) {
        snprintf(message, capacity, "it is %u by %u pixels; a logo may be at most %u on each side", image.width, image.height, max_side);
        png_image_free(&image);
        return 0;
    }
    image.format = PNG_FORMAT_RGBA;
    void *pixels = malloc(PNG_IMAGE_SIZE(image));
    if (pixels == NULL) {
        snprintf(message, capacity, "there is not enough memory to read it");
        png_image_free(&image);
        return 0;
    }
    int ok = png_image_finish_read(&image, NULL, pixels, 0, NULL);
    if (!ok) snprintf(message, capacity, "%s", image.message);
    free(pixels);
    png_image_free(&image);
    return ok;
}

/* libjpeg reports a fatal error by calling error_exit, which must not return: the standard
   way out is longjmp back to the call, done here in C, where it is defined behaviour. */
struct check_errors {
    struct jpeg_error_mgr library;
    jmp_buf back;
    char message[JMSG_LENGTH_MAX];
    int warnings;
};

static void on_error(j_common_ptr info) {
    struct check_errors *errors = (struct check_errors *)info->err;
    info->err->format_message(info, errors->message);
    longjmp(errors->back, 1);
}

/* Warnings such as "Premature end of JPEG file" (a truncated picture) count as failures. */
static void on_message(j_common_ptr info, int level) {
    struct check_errors *errors = (struct check_errors *)info->err;
    if (level < 0) {
        if (errors->warnings++ == 0) info->err->format_message(info, errors->message);
    }
}

int signpost_check_jpeg(const unsigned char *data, size_t size, unsigned max_side, char *message, size_t capacity) {
    struct jpeg_decompress_struct info;
    struct check_errors errors;
    memset(&errors, 0, sizeof errors);
    info.err = jpeg_std_error(&errors.library);
    errors.library.error_exit = on_error;
    errors.library.emit_message = on_message;
    if (setjmp(errors.back)) {
        snprintf(message, capacity, "%s", errors.message);
        jpeg_destroy_decompress(&info);
        return 0;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (info.image_width > max_side || info.image_height > max_side) {
        snprintf(message, capacity, "it is %u by %u pixels; a logo may be at most %u on each side", info.image_width, info.image_height, max_side);
        jpeg_destroy_decompress(&info);
        return 0;
    }
    jpeg_start_decompress(&info);
    JSAMPARRAY row = info.mem->alloc_sarray((j_common_ptr)&info, JPOOL_IMAGE, info.output_width * info.output_components, 1);
    while (info.output_scanline < info.output_height && errors.warnings == 0) jpeg_read_scanlines(&info, row, 1);
    if (errors.warnings == 0) jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (errors.warnings > 0) {
        snprintf(message, capacity, "%s", errors.message);
        return 0;
    }
    return 1;
}
