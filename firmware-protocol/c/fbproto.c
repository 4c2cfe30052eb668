#include "fbproto.h"

uint16_t fb_crc16(const uint8_t *data, size_t len) {
  uint16_t crc = 0xFFFF;
  size_t i;
  int bit;
  for (i = 0; i < len; i++) {
    crc ^= (uint16_t)data[i] << 8;
    for (bit = 0; bit < 8; bit++) crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
  }
  return crc;
}

size_t fb_cobs_encode(const uint8_t *in, size_t len, uint8_t *out) {
  size_t code_index = 0, o = 1, i;
  uint8_t code = 1;
  for (i = 0; i < len; i++) {
    if (in[i] == 0) {
      out[code_index] = code;
      code_index = o++;
      code = 1;
      continue;
    }
    out[o++] = in[i];
    if (++code == 0xFF && i + 1 < len) {
      out[code_index] = code;
      code_index = o++;
      code = 1;
    }
  }
  out[code_index] = code;
  return o;
}

fb_result_t fb_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t *out_len) {
  size_t i = 0, o = 0, end;
  while (i < len) {
    uint8_t code = in[i++];
    if (code == 0) return FB_DROP_BAD_COBS;
    end = i + code - 1;
    if (end > len) return FB_DROP_BAD_COBS;
    while (i < end) {
      if (in[i] == 0) return FB_DROP_BAD_COBS;
      out[o++] = in[i++];
    }
    if (code != 0xFF && i < len) out[o++] = 0;
  }
  *out_len = o;
  return FB_OK;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }
static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24); }

static size_t put_text(uint8_t *p, const char *s) {
  size_t n = 0;
  while (s[n] != '\0') {
    if (n == FB_MAX_TEXT || s[n] < 0x20 || s[n] > 0x7E) return 0;
    p[1 + n] = (uint8_t)s[n];
    n++;
  }
  p[0] = (uint8_t)n;
  return n + 1;
}

size_t fb_encode_raw(const fb_message_t *m, uint8_t *out, size_t cap) {
  uint8_t frame[FB_MAX_FRAME_BYTES];
  size_t o = FB_HEADER_BYTES, n;
  frame[0] = (FB_VERSION_MAJOR << 4) | FB_VERSION_MINOR;
  frame[1] = m->type;
  put32(frame + 2, m->device_id);
  put16(frame + 6, m->boot);
  put32(frame + 8, m->seq);
  switch (m->type) {
    case FB_HELLO:
      frame[o++] = m->u.hello.buttons;
      frame[o++] = m->u.hello.scale;
      if ((n = put_text(frame + o, m->u.hello.model)) == 0) return 0;
      o += n;
      if ((n = put_text(frame + o, m->u.hello.firmware)) == 0) return 0;
      o += n;
      break;
    case FB_PRESS:
      frame[o++] = m->u.press.button;
      put16(frame + o, m->u.press.duration_ms); o += 2;
      put32(frame + o, m->u.press.uptime_ms); o += 4;
      break;
    case FB_ANSWER:
      put16(frame + o, m->u.answer.question_id); o += 2;
      put16(frame + o, (uint16_t)m->u.answer.value); o += 2;
      put32(frame + o, m->u.answer.uptime_ms); o += 4;
      break;
    case FB_HEARTBEAT:
      frame[o++] = m->u.heartbeat.battery;
      frame[o++] = (uint8_t)m->u.heartbeat.rssi;
      put32(frame + o, m->u.heartbeat.uptime_ms); o += 4;
      put32(frame + o, m->u.heartbeat.presses); o += 4;
      break;
    case FB_ACK:
      put32(frame + o, m->u.ack.up_to); o += 4;
      break;
    case FB_CONFIG:
      put32(frame + o, m->u.config.response_interval_ms); o += 4;
      frame[o++] = m->u.config.led ? 1 : 0;
      frame[o++] = m->u.config.session_mode ? 1 : 0;
      break;
    case FB_ERROR:
      frame[o++] = m->u.error.code;
      put32(frame + o, m->u.error.rejected_seq); o += 4;
      break;
    default:
      return 0;
  }
  put16(frame + o, fb_crc16(frame, o));
  o += 2;
  if (o > cap) return 0;
  for (n = 0; n < o; n++) out[n] = frame[n];
  return o;
}

size_t fb_encode(const fb_message_t *m, uint8_t *out, size_t cap) {
  uint8_t raw[FB_MAX_FRAME_BYTES];
  size_t len = fb_encode_raw(m, raw, sizeof raw), n;
  if (len == 0 || cap < len + len / 254 + 3) return 0;
  out[0] = 0;
  n = fb_cobs_encode(raw, len, out + 1);
  out[1 + n] = 0;
  return n + 2;
}

static int get_text(const uint8_t **p, const uint8_t *end, char *dst) {
  size_t n, i;
  if (*p >= end) return 0;
  n = **p;
  if (n > FB_MAX_TEXT || *p + 1 + n > end) return 0;
  for (i = 0; i < n; i++) dst[i] = (char)(*p)[1 + i];
  dst[n] = '\0';
  *p += 1 + n;
  return 1;
}

fb_result_t fb_decode_raw(const uint8_t *raw, size_t len, fb_message_t *m) {
  const uint8_t *p, *end;
  size_t need;
  int newer_minor;
  if (len > FB_MAX_FRAME_BYTES) return FB_DROP_OVERSIZE;
  if (len < FB_HEADER_BYTES + FB_CRC_BYTES) return FB_DROP_TOO_SHORT;
  if (get16(raw + len - 2) != fb_crc16(raw, len - 2)) return FB_DROP_BAD_CRC;
  /* The header's layout is the same in every version: an intact frame's header is always filled in,
     so a receiver can answer a refused frame with an error (type, device, boot, seq). */
  m->type = raw[1];
  m->device_id = get32(raw + 2);
  m->boot = get16(raw + 6);
  m->seq = get32(raw + 8);
  if ((raw[0] >> 4) != FB_VERSION_MAJOR) return FB_DROP_UNSUPPORTED_VERSION;
  /* A newer minor version only appends fields: read the known ones and skip the rest. */
  newer_minor = (raw[0] & 0x0F) > FB_VERSION_MINOR;
  p = raw + FB_HEADER_BYTES;
  end = raw + len - 2;
  switch (m->type) {
    case FB_HELLO:
      if (end - p < 2) return FB_DROP_BAD_PAYLOAD;
      m->u.hello.buttons = p[0];
      m->u.hello.scale = p[1];
      p += 2;
      if (!get_text(&p, end, m->u.hello.model) || !get_text(&p, end, m->u.hello.firmware)) return FB_DROP_BAD_PAYLOAD;
      if ((p != end && !newer_minor) || m->u.hello.buttons < 2 || m->u.hello.buttons > 11 || m->u.hello.scale < FB_SCALE_MIN || m->u.hello.scale > FB_SCALE_MAX) return FB_DROP_BAD_PAYLOAD;
      return FB_OK;
    case FB_PRESS: need = 7; break;
    case FB_ANSWER: need = 8; break;
    case FB_HEARTBEAT: need = 10; break;
    case FB_ACK: need = 4; break;
    case FB_CONFIG: need = 6; break;
    case FB_ERROR: need = 5; break;
    default: return FB_DROP_UNKNOWN_TYPE;
  }
  if ((size_t)(end - p) < need || ((size_t)(end - p) > need && !newer_minor)) return FB_DROP_BAD_PAYLOAD;
  switch (m->type) {
    case FB_PRESS:
      m->u.press.button = p[0]; m->u.press.duration_ms = get16(p + 1); m->u.press.uptime_ms = get32(p + 3);
      break;
    case FB_ANSWER:
      m->u.answer.question_id = get16(p); m->u.answer.value = (int16_t)get16(p + 2); m->u.answer.uptime_ms = get32(p + 4);
      break;
    case FB_HEARTBEAT:
      m->u.heartbeat.battery = p[0]; m->u.heartbeat.rssi = (int8_t)p[1];
      m->u.heartbeat.uptime_ms = get32(p + 2); m->u.heartbeat.presses = get32(p + 6);
      break;
    case FB_ACK:
      m->u.ack.up_to = get32(p);
      break;
    case FB_CONFIG:
      if (p[4] > 1 || p[5] > 1) return FB_DROP_BAD_PAYLOAD;
      m->u.config.response_interval_ms = get32(p); m->u.config.led = p[4]; m->u.config.session_mode = p[5];
      break;
    case FB_ERROR:
      if (p[0] < 1 || p[0] > 5) return FB_DROP_BAD_PAYLOAD;
      m->u.error.code = p[0]; m->u.error.rejected_seq = get32(p + 1);
      break;
  }
  return FB_OK;
}

void fb_parser_init(fb_parser_t *p) {
  size_t i;
  p->len = 0;
  p->discarding = 0;
  for (i = 0; i < FB_DROP_REASONS; i++) p->drops[i] = 0;
}

int fb_parser_feed(fb_parser_t *p, uint8_t byte, fb_message_t *out) {
  uint8_t raw[FB_MAX_FRAME_BYTES + 2];
  size_t raw_len = 0;
  fb_result_t r;
  if (byte != 0) {
    if (p->discarding) return 0;
    if (p->len == sizeof p->buf) {
      p->discarding = 1;
      p->drops[FB_DROP_OVERSIZE]++;
      return 0;
    }
    p->buf[p->len++] = byte;
    return 0;
  }
  if (p->discarding || p->len == 0) {
    p->discarding = 0;
    p->len = 0;
    return 0;
  }
  r = fb_cobs_decode(p->buf, p->len, raw, &raw_len);
  p->len = 0;
  if (r == FB_OK) r = fb_decode_raw(raw, raw_len, out);
  if (r != FB_OK) {
    p->drops[r]++;
    return 0;
  }
  return 1;
}
