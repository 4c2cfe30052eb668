/* Self-test of the reference codec; prints "N passed, M failed" and exits non-zero on failure. */
#include <stdio.h>
#include <string.h>
#include "fbproto.h"

static int passed, failed;
#define CHECK(cond) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static void test_crc(void) {
  CHECK(fb_crc16((const uint8_t *)"123456789", 9) == 0x29B1);
}

static void test_cobs(void) {
  const uint8_t in[] = {0x11, 0x22, 0x00, 0x33};
  const uint8_t want[] = {0x03, 0x11, 0x22, 0x02, 0x33};
  uint8_t out[16], back[16], big[254], big_enc[260];
  size_t n = fb_cobs_encode(in, sizeof in, out), back_len = 0, i;
  CHECK(n == sizeof want && memcmp(out, want, n) == 0);
  CHECK(fb_cobs_decode(out, n, back, &back_len) == FB_OK && back_len == sizeof in && memcmp(back, in, back_len) == 0);
  for (i = 0; i < sizeof big; i++) big[i] = (uint8_t)(i + 1);
  n = fb_cobs_encode(big, sizeof big, big_enc);
  CHECK(n == 255 && big_enc[0] == 0xFF);
}

static void test_round_trip(void) {
  fb_message_t m, d;
  uint8_t wire[FB_MAX_WIRE_BYTES];
  fb_parser_t p;
  size_t n, i;
  int got = 0;
  memset(&m, 0, sizeof m);
  m.type = FB_PRESS; m.device_id = 0x12345678; m.boot = 3; m.seq = 17;
  m.u.press.button = 3; m.u.press.duration_ms = 120; m.u.press.uptime_ms = 5000;
  n = fb_encode(&m, wire, sizeof wire);
  CHECK(n == 24 && wire[0] == 0 && wire[n - 1] == 0);
  fb_parser_init(&p);
  /* garbage first, then the frame byte by byte */
  fb_parser_feed(&p, 0x42, &d);
  fb_parser_feed(&p, 0x17, &d);
  for (i = 0; i < n; i++) got += fb_parser_feed(&p, wire[i], &d);
  CHECK(got == 1);
  CHECK(d.type == FB_PRESS && d.device_id == 0x12345678 && d.boot == 3 && d.seq == 17);
  CHECK(d.u.press.button == 3 && d.u.press.duration_ms == 120 && d.u.press.uptime_ms == 5000);
  CHECK(p.drops[FB_DROP_BAD_COBS] + p.drops[FB_DROP_TOO_SHORT] == 1);

  memset(&m, 0, sizeof m);
  m.type = FB_HELLO; m.device_id = 1; m.boot = 1;
  m.u.hello.buttons = 5; m.u.hello.scale = 1;
  strcpy(m.u.hello.model, "FB-5");
  strcpy(m.u.hello.firmware, "2.0.1");
  n = fb_encode(&m, wire, sizeof wire);
  fb_parser_init(&p);
  got = 0;
  for (i = 0; i < n; i++) got += fb_parser_feed(&p, wire[i], &d);
  CHECK(got == 1 && d.type == FB_HELLO && strcmp(d.u.hello.model, "FB-5") == 0 && strcmp(d.u.hello.firmware, "2.0.1") == 0);

  wire[5] ^= 0x01; /* corrupt: bad CRC (or bad COBS) is counted, nothing decoded */
  fb_parser_init(&p);
  got = 0;
  for (i = 0; i < n; i++) got += fb_parser_feed(&p, wire[i], &d);
  CHECK(got == 0 && p.drops[FB_DROP_BAD_CRC] + p.drops[FB_DROP_BAD_COBS] == 1);
}

int main(void) {
  test_crc();
  test_cobs();
  test_round_trip();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
