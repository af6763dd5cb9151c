// SPDX-License-Identifier: GPL-3.0-or-later
// AlsaSink for real against alsa-lib's "null" PCM (defined by alsa.conf, no sound card
// needed): the device is configured at 48 kHz stereo with a period of at most 64 frames,
// the audio thread pulls blocks of that size, and stop() really stops it. An unknown
// device fails with a message that names it.
#include "audio/alsasink.h"

#include <QTest>

#include <atomic>

using namespace neurorack;
using namespace neurorack::runtime;

namespace {

class CountingSource final : public AudioSource
{
public:
    void renderBlock(float *out, int frames) noexcept override
    {
        for (int i = 0; i < frames; ++i)
            out[i] = (i % 2) ? 0.5f : -2.0f; // out of range on purpose: the sink clips
        lastFrames.store(frames);
        calls.fetch_add(1);
    }
    std::atomic<int> calls{0};
    std::atomic<int> lastFrames{0};
};

} // namespace

class tst_AlsaSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void playsIntoTheNullDevice()
    {
        AlsaSink sink(QStringLiteral("null"), 64);
        QCOMPARE(sink.description(), QStringLiteral("alsa:null"));
        CountingSource source;
        const Status s = sink.start(&source);
        QVERIFY2(s, qPrintable(s.errorString()));
        QVERIFY(sink.blockFrames() > 0 && sink.blockFrames() <= 64);
        QVERIFY(sink.bufferFrames() >= sink.blockFrames());
        QVERIFY(sink.sampleFormat() == QLatin1String("S32_LE") || sink.sampleFormat() == QLatin1String("S16_LE"));
        QTRY_VERIFY_WITH_TIMEOUT(source.calls.load() >= 10, 5000);
        QCOMPARE(source.lastFrames.load(), sink.blockFrames());
        const std::uint64_t before = sink.blocks();
        QTest::qWait(200);
        const std::uint64_t blocks = sink.blocks() - before;
        qInfo("%llu blocks of %d frames in 200 ms (real time: %d)", (unsigned long long)blocks, sink.blockFrames(),
              AudioSink::kSampleRate / 5 / sink.blockFrames());
        // The null device does not pace: the sink does, by the clock. Very loose on purpose
        // (a loaded machine only makes it slower): 20× real time would mean it spins.
        QVERIFY(blocks < std::uint64_t(20 * AudioSink::kSampleRate / 5 / sink.blockFrames()));
        sink.stop();
        QCOMPARE(sink.fatalError(), 0);
        QVERIFY(sink.blocks() >= 10);
        const int calls = source.calls.load();
        QTest::qWait(50);
        QCOMPARE(source.calls.load(), calls); // the source is not called after stop()
        // A sink can be started again after stop().
        QVERIFY(sink.start(&source));
        QTRY_VERIFY_WITH_TIMEOUT(source.calls.load() > calls, 5000);
        sink.stop();
    }

    void unknownDeviceIsNamed()
    {
        AlsaSink sink(QStringLiteral("neurorack_no_such_pcm"), 64);
        CountingSource source;
        const Status s = sink.start(&source);
        QVERIFY(!s.ok());
        QVERIFY2(s.errorString().startsWith(QLatin1String("alsa:neurorack_no_such_pcm: cannot be opened: ")), qPrintable(s.errorString()));
        QCOMPARE(source.calls.load(), 0);
        sink.stop(); // harmless after a failed start
    }

    void periodRequestIsHonoured()
    {
        AlsaSink sink(QStringLiteral("null"), 32);
        CountingSource source;
        QVERIFY(sink.start(&source));
        QVERIFY(sink.blockFrames() <= 64);
        sink.stop();
    }
};

QTEST_GUILESS_MAIN(tst_AlsaSink)
#include "tst_alsasink.moc"
