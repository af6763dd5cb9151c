// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the USB link's protocol (core/protocol): the frame decoder, COBS
// and every message decoder. Built with clang and the sanitizers by tests/fuzz/CMakeLists.txt,
// and replayed over tests/fuzz/corpus by the main build's fuzz_protocol_replay test.
//
// An input is
//
//     type[1] split[1] stream[...]
//
// type:   the message type whose request and reply decoders also read the stream itself
//         as a payload (one type an input, so that all 256 get their turn sparingly).
// split:  how the stream is cut into pieces for FrameDecoder::feed(): bits 0-2 choose the
//         piece sizes (0: all at once, 1: byte by byte, n: 1 to 4^n bytes), bits 3-7
//         seed the sizes.
// stream: bytes off the serial line.
//
// Properties checked (abort() when one does not hold):
// - cobs::decode(cobs::encode(x)) == x, and the encoded bytes hold no zero and are no
//   longer than cobs::maxEncodedSize();
// - the same frames and fault counts come out of the decoder whatever the pieces;
// - no decoded frame has a payload over Frame::kMaxPayload;
// - a decoded frame, encoded again, decodes to the same frame and nothing else;
// - validatePayload() refuses exactly the payloads the message's own decode() refuses;
// - a decoded message encodes to bytes that decode again, and re-encode to the same bytes.
#include "protocol/cobs.h"
#include "protocol/frame.h"
#include "protocol/framedecoder.h"
#include "protocol/messages.h"

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace neurorack;

namespace {

[[noreturn]] void fail(const char *what, QByteArrayView bytes, quint8 type = 0, bool reply = false)
{
    std::fprintf(stderr, "fuzz_protocol: %s (type 0x%02x, %s)\n  %s\n", what, type, reply ? "reply" : "request",
                 bytes.toByteArray().left(256).toHex(' ').constData());
    std::abort();
}

/// Decodes @p payload as a T; when that works, its encoding must decode again and
/// encode to the same bytes. Returns whether the first decode worked.
template<typename T>
bool roundTrip(QByteArrayView payload, quint8 type, bool reply)
{
    const auto first = T::decode(payload);
    if (!first)
        return false;
    const QByteArray once = first->encode();
    const auto second = T::decode(once);
    if (!second)
        fail("a decoded message does not decode once encoded again", once, type, reply);
    if (second->encode() != once)
        fail("a decoded message encodes differently the second time", once, type, reply);
    return true;
}

/// The decoder validatePayload() uses for @p type and @p reply, round-tripped: whether it
/// accepts @p payload, or nullopt where validatePayload() decodes nothing.
std::optional<bool> decodeMessage(quint8 type, bool reply, QByteArrayView payload)
{
    switch (static_cast<MessageType>(type)) {
    case MessageType::Hello:
        return reply ? roundTrip<HelloReply>(payload, type, reply) : roundTrip<HelloRequest>(payload, type, reply);
    case MessageType::DeviceInfo:
        return reply ? std::optional(roundTrip<DeviceInfo>(payload, type, reply)) : std::nullopt;
    case MessageType::GetSettings:
        return reply ? std::optional(roundTrip<SettingsMessage>(payload, type, reply)) : std::nullopt;
    case MessageType::SetSettings:
        return reply ? std::nullopt : std::optional(roundTrip<SettingsMessage>(payload, type, reply));
    case MessageType::PushBegin:
        return reply ? roundTrip<TransferReply>(payload, type, reply) : roundTrip<PushBegin>(payload, type, reply);
    case MessageType::PushChunk:
        return reply ? roundTrip<ChunkPosition>(payload, type, reply) : roundTrip<Chunk>(payload, type, reply);
    case MessageType::PushCommit:
        return reply ? roundTrip<CommitReply>(payload, type, reply) : roundTrip<TransferEnd>(payload, type, reply);
    case MessageType::PushAbort:
        return reply ? std::nullopt : std::optional(roundTrip<TransferEnd>(payload, type, reply));
    case MessageType::PullBegin:
        return reply ? roundTrip<TransferReply>(payload, type, reply) : roundTrip<PullBegin>(payload, type, reply);
    case MessageType::PullChunk:
        return reply ? roundTrip<Chunk>(payload, type, reply) : roundTrip<ChunkPosition>(payload, type, reply);
    case MessageType::Play:
        return reply ? roundTrip<PlayReply>(payload, type, reply) : roundTrip<PlayRequest>(payload, type, reply);
    case MessageType::OverrideCv:
        return reply ? std::nullopt : std::optional(roundTrip<CvOverride>(payload, type, reply));
    case MessageType::Error:
        return roundTrip<ErrorReply>(payload, type, reply);
    }
    return std::nullopt;
}

void checkPayload(quint8 type, bool reply, QByteArrayView payload)
{
    const FieldErrors errors = validatePayload(type, reply, payload);
    const std::optional<bool> accepted = decodeMessage(type, reply, payload);
    if (accepted && *accepted != errors.isEmpty())
        fail("validatePayload() and the message's decode() disagree", payload, type, reply);
}

void checkCobs(QByteArrayView data)
{
    const QByteArray encoded = cobs::encode(data);
    if (encoded.contains('\0'))
        fail("COBS output holds a zero byte", data);
    if (encoded.size() > cobs::maxEncodedSize(data.size()))
        fail("COBS output longer than maxEncodedSize()", data);
    const auto decoded = cobs::decode(encoded);
    if (!decoded || *decoded != data)
        fail("cobs::decode(cobs::encode(x)) != x", data);
    // Arbitrary bytes: decoding must not crash; what it gives back must survive the trip.
    if (const auto raw = cobs::decode(data)) {
        const auto again = cobs::decode(cobs::encode(*raw));
        if (!again || *again != *raw)
            fail("cobs::decode(cobs::encode(cobs::decode(x))) != cobs::decode(x)", data);
    }
}

/// Piece sizes from the split byte: deterministic, so that a crash replays.
class Splitter
{
public:
    Splitter(quint8 control, qsizetype size)
        : m_mode(control & 7)
        , m_state(0x9E3779B9u ^ (quint32(control >> 3) * 0x01000193u) ^ quint32(size))
    {
    }
    qsizetype next(qsizetype left)
    {
        if (m_mode == 0)
            return left;
        if (m_mode == 1)
            return 1;
        m_state = m_state * 1664525u + 1013904223u; // Numerical Recipes' LCG
        const quint32 limit = 1u << (2 * m_mode);
        return std::min<qsizetype>(left, 1 + (m_state >> 8) % limit);
    }

private:
    int m_mode;
    quint32 m_state;
};

void checkFrames(quint8 split, QByteArrayView stream)
{
    FrameDecoder whole;
    const QList<Frame> frames = whole.feed(stream);
    const int wholeFaults = whole.takeFaults();

    FrameDecoder pieces;
    QList<Frame> pieceFrames;
    Splitter splitter(split, stream.size());
    for (QByteArrayView left = stream; !left.isEmpty();) {
        const qsizetype n = splitter.next(left.size());
        pieceFrames.append(pieces.feed(left.first(n)));
        left = left.sliced(n);
    }
    if (pieceFrames != frames || pieces.takeFaults() != wholeFaults || pieces.frameCount() != whole.frameCount())
        fail("feeding the stream in pieces gives other frames or faults than all at once", stream);

    for (const Frame &frame : frames) {
        if (frame.payload.size() > Frame::kMaxPayload)
            fail("a decoded frame's payload is over kMaxPayload", frame.payload, frame.type, frame.isReply());
        const QByteArray wire = frame.encode();
        FrameDecoder again;
        const QList<Frame> decoded = again.feed(wire);
        if (decoded.size() != 1 || decoded.first() != frame || again.takeFaults() != 0)
            fail("a decoded frame does not decode to itself once encoded again", wire, frame.type, frame.isReply());
        checkPayload(frame.type, true, frame.payload);
        checkPayload(frame.type, false, frame.payload);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(data, static_cast<qsizetype>(size));
    checkCobs(input);
    if (input.size() < 2)
        return 0;
    const auto type = static_cast<quint8>(input[0]);
    const auto split = static_cast<quint8>(input[1]);
    const QByteArrayView stream = input.sliced(2);
    checkFrames(split, stream);
    // The stream itself as a payload of the chosen type.
    checkPayload(type, false, stream);
    checkPayload(type, true, stream);
    return 0;
}
