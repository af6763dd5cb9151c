// SPDX-License-Identifier: GPL-3.0-or-later
// The USB link's building blocks: COBS, frames and their decoder, message payloads.
#include "protocol/cobs.h"
#include "protocol/frame.h"
#include "protocol/framedecoder.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QCborValue>
#include <QTest>
#include <QtEndian>

#include <random>

using namespace neurorack;

namespace {
Frame frameOf(MessageType type, quint32 seq, QByteArray payload, quint8 flags = 0)
{
    return Frame{static_cast<quint8>(type), flags, seq, std::move(payload)};
}
} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cobs_data()
    {
        // Examples from Cheshire and Baker, and the 254-byte block edges.
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("encoded");
        QTest::addRow("one zero") << QByteArray(1, '\0') << QByteArray("\x01\x01", 2);
        QTest::addRow("two zeros") << QByteArray(2, '\0') << QByteArray("\x01\x01\x01", 3);
        QTest::addRow("11 22 00 33") << QByteArray("\x11\x22\x00\x33", 4) << QByteArray("\x03\x11\x22\x02\x33", 5);
        QTest::addRow("11 22 33 44") << QByteArray("\x11\x22\x33\x44", 4) << QByteArray("\x05\x11\x22\x33\x44", 5);
        QTest::addRow("11 00 00 00") << QByteArray("\x11\x00\x00\x00", 4) << QByteArray("\x02\x11\x01\x01\x01", 5);
        QTest::addRow("empty") << QByteArray() << QByteArray("\x01", 1);
        QByteArray run254(254, '\x42');
        QTest::addRow("254 non-zero bytes") << run254 << (QByteArray(1, '\xFF') + run254 + QByteArray(1, '\x01'));
        QByteArray run255(255, '\x42');
        QTest::addRow("255 non-zero bytes") << run255 << (QByteArray(1, '\xFF') + run254 + QByteArray("\x02\x42", 2));
    }

    void cobs()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, encoded);
        QCOMPARE(cobs::encode(data), encoded);
        QVERIFY(!encoded.contains('\0'));
        QCOMPARE(cobs::decode(encoded).value_or(QByteArray("failed")), data);
        QVERIFY(encoded.size() <= cobs::maxEncodedSize(data.size()));
    }

    void cobsRejects_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addRow("a zero inside") << QByteArray("\x03\x11\x00", 3);
        QTest::addRow("a code past the end") << QByteArray("\x05\x11\x22", 3);
        QTest::addRow("a zero code") << QByteArray("\x00\x11", 2);
    }

    void cobsRejects()
    {
        QFETCH(QByteArray, encoded);
        QVERIFY(!cobs::decode(encoded));
    }

    void crc32KnownValue()
    {
        // The CRC-32 check value of the ASCII digits.
        QCOMPARE(crc32Of("123456789"), 0xCBF43926u);
    }

    void frameRoundTripInAnyPieces()
    {
        std::mt19937 random(7);
        QList<Frame> frames;
        QByteArray stream;
        for (int i = 0; i < 50; ++i) {
            QByteArray payload(static_cast<int>(random() % 3000), Qt::Uninitialized);
            for (char &c : payload)
                c = static_cast<char>(random() % 4 == 0 ? 0 : random());
            frames.append(frameOf(MessageType::PushChunk, random(), payload, i % 2 ? Frame::kReplyFlag : 0));
            stream += frames.last().encode();
        }
        stream += frameOf(MessageType::Hello, 1, QByteArray(Frame::kMaxPayload, '\0')).encode();
        frames.append(frameOf(MessageType::Hello, 1, QByteArray(Frame::kMaxPayload, '\0')));
        // Fed one byte at a time, in random pieces, or all at once: the same frames.
        for (const int piece : {1, 7, 1000, int(stream.size())}) {
            FrameDecoder decoder;
            QList<Frame> decoded;
            for (qsizetype at = 0; at < stream.size(); at += piece)
                decoded += decoder.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(piece, stream.size() - at)));
            QCOMPARE(decoder.faultCount(), 0u);
            QCOMPARE(decoded, frames);
        }
    }

    void damagedFrames_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("fault");
        const QByteArray good = frameOf(MessageType::DeviceInfo, 9, emptyPayload()).encode();
        QByteArray flipped = good;
        flipped[6] = static_cast<char>(flipped[6] ^ 0x04);
        QTest::addRow("a flipped bit") << flipped << QStringLiteral("CRC mismatch");
        QByteArray dropped = good;
        dropped.remove(8, 1);
        QTest::addRow("a dropped byte") << dropped << QStringLiteral("CRC mismatch");
        QTest::addRow("a truncated frame") << (good.left(8) + '\0') << QStringLiteral("shorter than a header");
        QTest::addRow("not COBS") << QByteArray("\x09\x01\x02\x00", 4) << QStringLiteral("not COBS");
        QTest::addRow("oversize") << (QByteArray(kMaxEncodedFrame + 10, 'x') + '\0') << QStringLiteral("longer than");
        // A well-formed frame of another frame format.
        QByteArray body(12, '\0');
        body[0] = 9;
        char crc[4];
        qToLittleEndian<quint32>(crc32Of(body), crc);
        QTest::addRow("unknown frame format") << (cobs::encode(QByteArray(body + QByteArray(crc, 4))) + '\0') << QStringLiteral("frame format 9");
        // A header whose length disagrees with the payload.
        QByteArray lying(12, '\0');
        lying[0] = Frame::kFormat;
        lying[8] = 5;
        qToLittleEndian<quint32>(crc32Of(lying), crc);
        QTest::addRow("length mismatch") << (cobs::encode(QByteArray(lying + QByteArray(crc, 4))) + '\0') << QStringLiteral("where the header says 5");
    }

    void damagedFrames()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, fault);
        FrameDecoder decoder;
        QVERIFY(decoder.feed(wire).isEmpty());
        QCOMPARE(decoder.takeFaults(), 1);
        QVERIFY2(decoder.lastFault().contains(fault), qPrintable(decoder.lastFault()));
        QCOMPARE(decoder.takeFaults(), 0);
        // Decoding goes on with the next frame.
        const Frame next = frameOf(MessageType::Play, 3, PlayRequest{4}.encode());
        QCOMPARE(decoder.feed(next.encode()), QList<Frame>{next});
    }

    void messagesRoundTrip()
    {
        PushBegin begin{TransferKind::Model, QStringLiteral("impact.pt"), 123456, QByteArray(32, '\x5A'), 4096};
        const auto b = PushBegin::decode(begin.encode());
        QVERIFY(b);
        QCOMPARE(b->name, begin.name);
        QCOMPARE(b->size, begin.size);
        QCOMPARE(b->kind, TransferKind::Model);
        QCOMPARE(b->chunk, 4096);

        DeviceInfo info;
        info.runtime = QStringLiteral("neurorack-runtime 1");
        info.banks = {{QStringLiteral("a.json"), 10, QStringLiteral("A"), 3}};
        info.temperatureC = std::numeric_limits<double>::quiet_NaN();
        info.volumeDb = -6.5;
        const auto i = DeviceInfo::decode(info.encode());
        QVERIFY2(i, qPrintable(i.errorString()));
        QCOMPARE(i->banks.size(), 1);
        QCOMPARE(i->banks.first().presets, 3);
        QCOMPARE(i->volumeDb, -6.5);

        const auto cv = CvOverride::decode(CvOverride{std::array<double, 4>{1, -2, 3, 4.5}}.encode());
        QVERIFY(cv && cv->volts);
        QCOMPARE((*cv->volts)[3], 4.5);
        QVERIFY(!CvOverride::decode(CvOverride{}.encode())->volts);

        const ErrorReply error{QString(ErrorCode::kOffsetMismatch), QStringLiteral("resume"), 4096};
        QCOMPARE(ErrorReply::decode(error.encode())->expected, 4096);
    }

    void messagesRefuse_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        const auto map = [](QCborMap m) { return QCborValue(m).toCbor(); };
        const QByteArray sha(32, 'h');
        QTest::addRow("not CBOR") << int(MessageType::Hello) << QByteArray("\xff\xff", 2) << QStringLiteral("not CBOR");
        QTest::addRow("not a map") << int(MessageType::Hello) << QCborValue(3).toCbor() << QStringLiteral("not a CBOR map");
        QTest::addRow("a folder in a name")
            << int(MessageType::PushBegin)
            << map({{QStringLiteral("kind"), QStringLiteral("bank")}, {QStringLiteral("name"), QStringLiteral("../etc/passwd")}, {QStringLiteral("size"), 3}, {QStringLiteral("sha256"), sha}})
            << QStringLiteral("name: \"../etc/passwd\" is not a plain file name");
        QTest::addRow("a hidden name")
            << int(MessageType::PushBegin)
            << map({{QStringLiteral("kind"), QStringLiteral("bank")}, {QStringLiteral("name"), QStringLiteral(".staging")}, {QStringLiteral("size"), 3}, {QStringLiteral("sha256"), sha}})
            << QStringLiteral("not a plain file name");
        QTest::addRow("a short hash")
            << int(MessageType::PushBegin)
            << map({{QStringLiteral("kind"), QStringLiteral("bank")}, {QStringLiteral("name"), QStringLiteral("a.json")}, {QStringLiteral("size"), 3}, {QStringLiteral("sha256"), QByteArray(5, 'x')}})
            << QStringLiteral("sha256: 5 bytes where 32 are expected");
        QTest::addRow("an unknown kind")
            << int(MessageType::PushBegin)
            << map({{QStringLiteral("kind"), QStringLiteral("firmware")}, {QStringLiteral("name"), QStringLiteral("a")}, {QStringLiteral("size"), 3}, {QStringLiteral("sha256"), sha}})
            << QStringLiteral("kind: \"firmware\" is not bank or model");
        QTest::addRow("a negative offset") << int(MessageType::PushChunk)
                                           << map({{QStringLiteral("transfer"), 1}, {QStringLiteral("offset"), -4}, {QStringLiteral("data"), QByteArray("x")}})
                                           << QStringLiteral("offset: -4 is outside");
        QTest::addRow("a chunk without data") << int(MessageType::PushChunk) << map({{QStringLiteral("transfer"), 1}, {QStringLiteral("offset"), 0}})
                                              << QStringLiteral("data: missing");
        QTest::addRow("a slot out of range") << int(MessageType::Play) << map({{QStringLiteral("slot"), 5000}}) << QStringLiteral("slot: 5000 is outside");
        QTest::addRow("a voltage out of range") << int(MessageType::OverrideCv)
                                                << map({{QStringLiteral("volts"), QCborArray{0, 0, 40, 0}}}) << QStringLiteral("volts[2]");
        QTest::addRow("three voltages") << int(MessageType::OverrideCv) << map({{QStringLiteral("volts"), QCborArray{0, 0, 1}}})
                                        << QStringLiteral("3 values where 4 are expected");
        QTest::addRow("versions the wrong way round") << int(MessageType::Hello) << map({{QStringLiteral("oldest"), 3}, {QStringLiteral("newest"), 2}})
                                                      << QStringLiteral("newest: 2 is older than oldest (3)");
        QTest::addRow("an unknown type") << 0x42 << emptyPayload() << QStringLiteral("unknown message type 0x42");
    }

    void messagesRefuse()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        const FieldErrors errors = validatePayload(static_cast<quint8>(type), false, payload);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(joinErrors(errors).contains(error), qPrintable(joinErrors(errors)));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
