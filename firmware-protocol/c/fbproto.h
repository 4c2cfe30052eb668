/*
 * Feedback device protocol 1.0 frames (document revision 1.1): reference codec in C99 for microcontrollers.
 * No dynamic memory, no stdio; see ../PROTOCOL.md for the byte layout.
 */
#ifndef FBPROTO_H
#define FBPROTO_H

#include <stddef.h>
#include <stdint.h>

#define FB_VERSION_MAJOR 1
#define FB_VERSION_MINOR 0
#define FB_HEADER_BYTES 12
#define FB_CRC_BYTES 2
#define FB_MAX_FRAME_BYTES 254 /* before COBS */
#define FB_MAX_ENCODED_BYTES (FB_MAX_FRAME_BYTES + 1) /* COBS adds exactly one byte to 254; a longer run is discarded */
#define FB_MAX_WIRE_BYTES (FB_MAX_ENCODED_BYTES + 2) /* plus two delimiters */
#define FB_MAX_TEXT 32

typedef enum {
  FB_HELLO = 0x01,
  FB_PRESS = 0x02,
  FB_ANSWER = 0x03,
  FB_HEARTBEAT = 0x04,
  FB_ACK = 0x81,
  FB_CONFIG = 0x82,
  FB_ERROR = 0x83
} fb_type_t;

/* Scale codes of hello: 1 smiley, 2 nps11, 3 csat5, 4 ces7, 5 csi5, 6 csi7, 7 importance5, 8 importance7, 9 choice. */
#define FB_SCALE_MIN 1
#define FB_SCALE_MAX 9

typedef enum {
  FB_OK = 0,
  FB_DROP_BAD_COBS = 1,
  FB_DROP_TOO_SHORT = 2,
  FB_DROP_OVERSIZE = 3,
  FB_DROP_BAD_CRC = 4,
  FB_DROP_UNSUPPORTED_VERSION = 5,
  FB_DROP_UNKNOWN_TYPE = 6,
  FB_DROP_BAD_PAYLOAD = 7,
  FB_DROP_REASONS = 8
} fb_result_t;

typedef struct {
  uint8_t type; /* fb_type_t */
  uint32_t device_id;
  uint16_t boot;
  uint32_t seq;
  union {
    struct { uint8_t buttons; uint8_t scale; char model[FB_MAX_TEXT + 1]; char firmware[FB_MAX_TEXT + 1]; } hello;
    struct { uint8_t button; uint16_t duration_ms; uint32_t uptime_ms; } press;
    struct { uint16_t question_id; int16_t value; uint32_t uptime_ms; } answer;
    struct { uint8_t battery; int8_t rssi; uint32_t uptime_ms; uint32_t presses; } heartbeat;
    struct { uint32_t up_to; } ack;
    struct { uint32_t response_interval_ms; uint8_t led; uint8_t session_mode; } config;
    struct { uint8_t code; uint32_t rejected_seq; } error;
  } u;
} fb_message_t;

/* CRC-16/IBM-3740: poly 0x1021, init 0xFFFF, no reflection, xorout 0. */
uint16_t fb_crc16(const uint8_t *data, size_t len);

/* COBS. encode writes at most len + len/254 + 1 bytes; decode returns FB_OK or FB_DROP_BAD_COBS. */
size_t fb_cobs_encode(const uint8_t *in, size_t len, uint8_t *out);
fb_result_t fb_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t *out_len);

/* Frame bytes before COBS (header | payload | CRC). Returns the length, or 0 if a field is invalid or cap too small. */
size_t fb_encode_raw(const fb_message_t *m, uint8_t *out, size_t cap);
/* Bytes for the wire: 0x00 | COBS(frame) | 0x00. Returns the length, or 0 on error. */
size_t fb_encode(const fb_message_t *m, uint8_t *out, size_t cap);
/* Fills out's header (type, device, boot, seq) for every frame whose CRC holds, also when it returns a drop. */
fb_result_t fb_decode_raw(const uint8_t *raw, size_t len, fb_message_t *out);

/* Streaming parser: feed received bytes one at a time. */
typedef struct {
  uint8_t buf[FB_MAX_ENCODED_BYTES];
  size_t len;
  uint8_t discarding;
  uint32_t drops[FB_DROP_REASONS]; /* counts by fb_result_t */
} fb_parser_t;

void fb_parser_init(fb_parser_t *p);
/* Returns 1 when a complete valid message was decoded into *out, else 0 (drops are counted in p->drops). */
int fb_parser_feed(fb_parser_t *p, uint8_t byte, fb_message_t *out);

#endif
