// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus of fuzz_protocol (tests/fuzz/corpus): a session's worth of frames
// for each message type, some broken streams, and a few bare payloads. Each file is an
// input of fuzz_protocol.cpp: type[1] split[1] stream[...].
//
//   make_seeds tests/fuzz/corpus
#include "protocol/cobs.h"
#include "protocol/frame.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace neurorack;

namespace {

QDir g_dir;
int g_written = 0;

/// Split bytes: all at once, byte by byte, pieces of up to 16, 64, 256 and 1024 bytes.
constexpr quint8 kWhole = 0, kBytes = 1, kSmall = 2 | (7 << 3), kMedium = 3 | (21 << 3), kLarge = 5 | (3 << 3);

void write(const char *name, quint8 type, quint8 split, const QByteArray &stream)
{
    QByteArray input;
    input.append(static_cast<char>(type));
    input.append(static_cast<char>(split));
    input.append(stream);
    QFile file(g_dir.filePath(QLatin1String(name)));
    if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size()) {
        std::fprintf(stderr, "make_seeds: cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    ++g_written;
}

QByteArray frame(MessageType type, quint32 seq, const QByteArray &payload, bool reply = false)
{
    return Frame{static_cast<quint8>(type), reply ? Frame::kReplyFlag : quint8(0), seq, payload}.encode();
}

QByteArray reply(MessageType type, quint32 seq, const QByteArray &payload)
{
    return frame(type, seq, payload, true);
}

QByteArray cbor(const QCborValue &value)
{
    return value.toCbor();
}

/// A frame's bytes before COBS, with a CRC that matches them.
QByteArray rawBody(quint8 format, quint8 type, quint32 seq, quint32 length, const QByteArray &payload)
{
    QByteArray body(Frame::kHeaderSize, '\0');
    body[0] = static_cast<char>(format);
    body[1] = static_cast<char>(type);
    body[4] = static_cast<char>(seq & 0xFF);
    for (int i = 0; i < 4; ++i)
        body[8 + i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    body.append(payload);
    const quint32 crc = crc32Of(body);
    for (int i = 0; i < 4; ++i)
        body.append(static_cast<char>((crc >> (8 * i)) & 0xFF));
    return body;
}

QByteArray sha(char fill)
{
    return QByteArray(32, fill);
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 37 + i / 255) % 256); // zeros and long runs without
    return bytes;
}

void writeSeeds()
{
    using T = MessageType;
    const auto t = [](T type) { return static_cast<quint8>(type); };

    // One exchange a message type: the request, then its reply.
    write("hello", t(T::Hello), kWhole,
          frame(T::Hello, 1, HelloRequest{1, 1, QStringLiteral("neurorack 0.1.0")}.encode())
              + reply(T::Hello, 1, HelloReply{1, QStringLiteral("neurorack-runtime 0.1.0"), Frame::kMaxPayload}.encode()));
    DeviceInfo info;
    info.runtime = QStringLiteral("neurorack-runtime 0.1.0");
    info.protocol = 1;
    info.model = QStringLiteral("neurorack-impact 0.2.0");
    info.modelFile = QStringLiteral("impact.pt");
    info.modelDevice = QStringLiteral("cpu");
    info.bankFile = QStringLiteral("factory.json");
    info.bankName = QStringLiteral("Factory");
    info.slot = 3;
    info.banks = {{QStringLiteral("factory.json"), 81234, QStringLiteral("Factory"), 128},
                  {QStringLiteral("live.json"), 512, QStringLiteral("Live"), 2}};
    info.models = {{QStringLiteral("impact.pt"), 4000000, QStringLiteral("neurorack-impact 0.2.0"), -1}};
    info.freeBytes = 1LL << 32;
    info.totalBytes = 1LL << 34;
    info.volumeDb = -6.5;
    info.uptimeS = 3600;
    info.triggers = 12;
    info.renders = 12;
    info.renderMs = 3.25;
    info.cpuPercent = 17.0;
    info.temperatureC = 48.5;
    write("device_info", t(T::DeviceInfo), kSmall,
          frame(T::DeviceInfo, 2, emptyPayload()) + reply(T::DeviceInfo, 2, info.encode()));
    QCborMap settings{{QStringLiteral("volume_db"), -3.0},
                      {QStringLiteral("bank"), QStringLiteral("factory.json")},
                      {QStringLiteral("gate"), QCborMap{{QStringLiteral("threshold_v"), 1.5}, {QStringLiteral("debounce_ms"), 2}}},
                      {QStringLiteral("leds"), QCborArray{true, false, nullptr}}};
    write("settings", t(T::SetSettings), kBytes,
          frame(T::GetSettings, 3, emptyPayload()) + reply(T::GetSettings, 3, SettingsMessage{settings}.encode())
              + frame(T::SetSettings, 4, SettingsMessage{QCborMap{{QStringLiteral("volume_db"), -1.0}}}.encode())
              + reply(T::SetSettings, 4, emptyPayload()));
    write("push_begin", t(T::PushBegin), kMedium,
          frame(T::PushBegin, 5, PushBegin{TransferKind::Bank, QStringLiteral("live.json"), 70000, sha('\x5a'), 4096}.encode())
              + reply(T::PushBegin, 5, TransferReply{7, 4096, 0, {}, 4096}.encode()));
    write("push_chunk", t(T::PushChunk), kSmall,
          frame(T::PushChunk, 6, Chunk{7, 4096, pattern(600)}.encode()) + reply(T::PushChunk, 6, ChunkPosition{7, 4696, 0}.encode()));
    // The largest frame there is: a payload of kMaxPayload bytes without zeros.
    QByteArray full = Chunk{7, 0, QByteArray(Frame::kMaxPayload - 64, 'x')}.encode();
    full.append(QByteArray(Frame::kMaxPayload - full.size(), '\x7f')); // bytes after the map: still a frame
    write("push_chunk_max", t(T::PushChunk), kLarge, frame(T::PushChunk, 8, full));
    write("push_commit", t(T::PushCommit), kWhole,
          frame(T::PushCommit, 9, TransferEnd{7, true}.encode())
              + reply(T::PushCommit, 9, CommitReply{QStringLiteral("banks/live.json"), QStringLiteral("bank \"Live\", 2 presets"), true}.encode()));
    write("push_abort", t(T::PushAbort), kWhole,
          frame(T::PushAbort, 10, TransferEnd{7, false}.encode()) + reply(T::PushAbort, 10, emptyPayload()));
    write("pull_begin", t(T::PullBegin), kSmall,
          frame(T::PullBegin, 11, PullBegin{TransferKind::Model, QStringLiteral("impact.pt")}.encode())
              + reply(T::PullBegin, 11, TransferReply{8, 0, 4000000, sha('\x11'), 8192}.encode()));
    write("pull_chunk", t(T::PullChunk), kMedium,
          frame(T::PullChunk, 12, ChunkPosition{8, 8192, 8192}.encode()) + reply(T::PullChunk, 12, Chunk{8, 8192, pattern(300)}.encode()));
    write("play", t(T::Play), kBytes,
          frame(T::Play, 13, PlayRequest{5}.encode()) + reply(T::Play, 13, PlayReply{5, QStringLiteral("Glass tap")}.encode()));
    write("override_cv", t(T::OverrideCv), kWhole,
          frame(T::OverrideCv, 14, CvOverride{std::array<double, 4>{0.0, 2.5, -5.0, 12.0}}.encode())
              + reply(T::OverrideCv, 14, emptyPayload()));
    write("override_cv_release", t(T::OverrideCv), kWhole, frame(T::OverrideCv, 15, CvOverride{}.encode()));
    write("error", t(T::Error), kSmall,
          reply(T::Error, 16, ErrorReply{ErrorCode::kOffsetMismatch, QStringLiteral("expected offset 4096"), 4096, 0, 0}.encode())
              + reply(T::Error, 17, ErrorReply{ErrorCode::kVersionMismatch, QStringLiteral("speaks 2 to 3"), -1, 2, 3}.encode()));
    write("unknown_type", 0x42, kWhole, Frame{0x42, 0, 18, emptyPayload()}.encode() + Frame{0xFF, 0xFF, 0xFFFFFFFF, {}}.encode());

    // Broken streams: each fault once, and a good frame after it to show decoding goes on.
    const QByteArray good = frame(T::Play, 20, PlayRequest{1}.encode());
    QByteArray badCrc = frame(T::Play, 21, PlayRequest{2}.encode());
    badCrc[badCrc.size() - 3] = static_cast<char>(badCrc[badCrc.size() - 3] ^ 0x20);
    write("bad_crc", t(T::Play), kWhole, badCrc + good);
    const QByteArray cut = frame(T::Hello, 22, HelloRequest{}.encode());
    write("truncated", t(T::Hello), kSmall, cut.first(cut.size() / 2) + QByteArray(1, '\0') + good + cut.first(5));
    write("not_cobs", 0, kWhole, QByteArray("\x09\x01\x02") + QByteArray(1, '\0') + good);
    write("oversize", t(T::PushChunk), kLarge,
          QByteArray(kMaxEncodedFrame + 10, '\x33') + QByteArray(1, '\0') + good);
    write("short_frame", 0, kBytes, cobs::encode(QByteArray(10, '\x01')) + QByteArray(1, '\0') + good);
    write("wrong_format", t(T::Play), kWhole,
          cobs::encode(rawBody(2, t(T::Play), 23, 0, {})) + QByteArray(1, '\0') + good);
    write("length_mismatch", t(T::Play), kWhole,
          cobs::encode(rawBody(1, t(T::Play), 24, 9, PlayRequest{3}.encode())) + QByteArray(1, '\0') + good);
    write("payload_over_max", t(T::PushChunk), kLarge,
          cobs::encode(rawBody(1, t(T::PushChunk), 25, Frame::kMaxPayload + 100, pattern(Frame::kMaxPayload + 100)))
              + QByteArray(1, '\0') + good);
    write("delimiters", t(T::Play), kBytes, QByteArray(3, '\0') + good + QByteArray(2, '\0') + good);

    // Frames that arrive whole but carry payloads their message refuses.
    write("payload_not_cbor", t(T::PushBegin), kWhole, frame(T::PushBegin, 26, QByteArray("\xff\x00\x9f", 3)));
    write("payload_not_map", t(T::Hello), kWhole, frame(T::Hello, 27, cbor(QCborArray{1, 2, 3})));
    write("payload_bad_fields", t(T::PushBegin), kWhole,
          frame(T::PushBegin, 28,
                cbor(QCborMap{{QStringLiteral("kind"), QStringLiteral("firmware")}, {QStringLiteral("name"), QStringLiteral("../etc/passwd")},
                              {QStringLiteral("size"), -1}, {QStringLiteral("sha256"), QByteArray(31, '\1')}, {QStringLiteral("chunk"), 2.5}}))
              + frame(T::OverrideCv, 29, cbor(QCborMap{{QStringLiteral("volts"), QCborArray{1.0, 20.0, QStringLiteral("x")}}})));

    // Bare payloads, read by the decoders of the type in the first byte.
    write("raw_push_begin", t(T::PushBegin), kWhole,
          PushBegin{TransferKind::Model, QStringLiteral("impact.pt"), 4000000, sha('\x01'), 0}.encode());
    write("raw_device_info", t(T::DeviceInfo), kWhole, info.encode());
    write("raw_settings", t(T::SetSettings), kWhole, SettingsMessage{settings}.encode());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds DIR\n");
        return 2;
    }
    g_dir = QDir(QString::fromLocal8Bit(argv[1]));
    if (!g_dir.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "make_seeds: cannot create %s\n", argv[1]);
        return 1;
    }
    writeSeeds();
    std::printf("make_seeds: %d seeds in %s\n", g_written, argv[1]);
    return 0;
}
