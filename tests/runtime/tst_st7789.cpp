// SPDX-License-Identifier: GPL-3.0-or-later
// The ST7789 driver against a fake SPI device and fake GPIO lines: the init sequence's
// command and parameter bytes with their DC levels and delays, the frame's window and
// chunking, rotations and RAM offsets, and RGB565 conversion of known colours.
#include "fakepaneldevices.h"
#include "panel/linux/rgb565.h"
#include "panel/linux/st7789.h"

#include <QPainter>
#include <QTest>

using namespace neurorack;
using namespace neurorack::runtime;
using namespace neurorack::runtime::test;

namespace {

/// A screen on fakes; every SPI write, line change and delay lands in `log`.
struct Rig {
    std::shared_ptr<EventLog> log = std::make_shared<EventLog>();
    FakeGpioOutput dc{log, QStringLiteral("DC")};
    FakeGpioOutput reset{log, QStringLiteral("reset")};
    FakeGpioOutput backlight{log, QStringLiteral("backlight")};
    FakeSpiDevice spi{log, &dc};

    St7789 screen(bool withReset, St7789::Options options = {})
    {
        return St7789(spi, dc, withReset ? &reset : nullptr, &backlight, options, [log = log](std::chrono::microseconds d) {
            log->add(QStringLiteral("sleep %1ms").arg(d.count() / 1000));
        });
    }
};

QStringList initSequence(const QString &madctl, const QString &columns, const QString &rows)
{
    return {QStringLiteral("cmd 01"), QStringLiteral("sleep 120ms"), // SWRESET
            QStringLiteral("cmd 11"), QStringLiteral("sleep 120ms"), // SLPOUT
            QStringLiteral("cmd 3a"), QStringLiteral("data 55"), QStringLiteral("sleep 10ms"), // COLMOD 16-bit
            QStringLiteral("cmd 36"), QStringLiteral("data ") + madctl,                         // MADCTL
            QStringLiteral("cmd 21"), QStringLiteral("sleep 10ms"),                             // INVON
            QStringLiteral("cmd 13"), QStringLiteral("sleep 10ms"),                             // NORON
            QStringLiteral("cmd 2a"), QStringLiteral("data ") + columns,                        // CASET
            QStringLiteral("cmd 2b"), QStringLiteral("data ") + rows,                           // RASET
            QStringLiteral("cmd 29"), QStringLiteral("sleep 10ms"),                             // DISPON
            QStringLiteral("backlight=1")};
}

QByteArray pixel(const QColor &colour)
{
    QImage image(1, 1, QImage::Format_ARGB32);
    image.fill(colour);
    return toRgb565BigEndian(image, 1, 1);
}

} // namespace

class tst_St7789 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initWithResetLine()
    {
        Rig rig;
        auto screen = rig.screen(true);
        const Status s = screen.init();
        QVERIFY2(s, qPrintable(s.errorString()));
        const QStringList reset{QStringLiteral("reset=1"), QStringLiteral("sleep 120ms"), QStringLiteral("reset=0"),
                                QStringLiteral("sleep 10ms"), QStringLiteral("reset=1"), QStringLiteral("sleep 120ms")};
        QCOMPARE(rig.log->take(), reset + initSequence(QStringLiteral("00"), QStringLiteral("00 00 00 ef"), QStringLiteral("00 00 00 ef")));
    }

    void initRotatedWithOffset()
    {
        Rig rig;
        // 180°: a 240×240 glass on the controller's 240×320 RAM starts at row 80.
        auto screen = rig.screen(false, {180, 0, 80});
        QVERIFY(screen.init());
        QCOMPARE(rig.log->take(), initSequence(QStringLiteral("c0"), QStringLiteral("00 00 00 ef"), QStringLiteral("00 50 01 3f")));
    }

    void madctl_data()
    {
        QTest::addColumn<int>("rotation");
        QTest::addColumn<int>("madctl");
        QTest::addRow("0") << 0 << 0x00;
        QTest::addRow("90") << 90 << 0x60;
        QTest::addRow("180") << 180 << 0xC0;
        QTest::addRow("270") << 270 << 0xA0;
    }
    void madctl()
    {
        QFETCH(int, rotation);
        QFETCH(int, madctl);
        QCOMPARE(int(St7789::madctlFor(rotation)), madctl);
    }

    void frameIsChunked()
    {
        Rig rig;
        auto screen = rig.screen(false);
        std::vector<std::uint8_t> frame(std::size_t(St7789::kFrameBytes));
        for (std::size_t i = 0; i < frame.size(); ++i)
            frame[i] = std::uint8_t(i * 7);
        QVERIFY(screen.writeFrame(frame));
        QStringList expected{QStringLiteral("cmd 2a"), QStringLiteral("data 00 00 00 ef"), QStringLiteral("cmd 2b"),
                             QStringLiteral("data 00 00 00 ef"), QStringLiteral("cmd 2c")};
        // 115 200 bytes: 28 chunks of 4096 and one of 512, all with DC high.
        for (int i = 0; i < 28; ++i)
            expected << QStringLiteral("data[4096]");
        expected << QStringLiteral("data[512]");
        QCOMPARE(rig.log->take(), expected);
        // The pixels arrive whole and in order after the 4 + 4 window bytes and 3 commands.
        const auto bytes = rig.spi.takeBytes();
        QCOMPARE(bytes.size(), std::size_t(3 + 8 + St7789::kFrameBytes));
        QVERIFY(std::equal(frame.begin(), frame.end(), bytes.end() - St7789::kFrameBytes));
    }

    void errorsStopTheSequence()
    {
        Rig rig;
        rig.dc.setFailing(true);
        auto screen = rig.screen(false);
        QCOMPARE(screen.init().errorString(), QStringLiteral("/dev/gpiochip-fake line (DC): cannot be set: Input/output error"));
        QVERIFY(rig.log->take().isEmpty()); // nothing sent with the DC line in an unknown state
    }

    void rgb565Colours_data()
    {
        QTest::addColumn<QColor>("colour");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("red") << QColor(255, 0, 0) << QByteArray::fromHex("f800");
        QTest::addRow("green") << QColor(0, 255, 0) << QByteArray::fromHex("07e0");
        QTest::addRow("blue") << QColor(0, 0, 255) << QByteArray::fromHex("001f");
        QTest::addRow("white") << QColor(255, 255, 255) << QByteArray::fromHex("ffff");
        QTest::addRow("black") << QColor(0, 0, 0) << QByteArray::fromHex("0000");
        QTest::addRow("grey 128") << QColor(128, 128, 128) << QByteArray::fromHex("8410");
        QTest::addRow("low bits truncated") << QColor(7, 3, 7) << QByteArray::fromHex("0000");
        QTest::addRow("transparent is black") << QColor(255, 255, 255, 0) << QByteArray::fromHex("0000");
    }
    void rgb565Colours()
    {
        QFETCH(QColor, colour);
        QFETCH(QByteArray, bytes);
        QCOMPARE(pixel(colour).toHex(), bytes.toHex());
        QCOMPARE(rgb565(255, 0, 0), 0xF800);
    }

    void rgb565LayoutAndScaling()
    {
        // Row-major, top-left first: a red pixel at (1, 0) and a blue one at (0, 1).
        QImage image(2, 2, QImage::Format_RGB32);
        image.fill(Qt::black);
        image.setPixelColor(1, 0, Qt::red);
        image.setPixelColor(0, 1, Qt::blue);
        QCOMPARE(toRgb565BigEndian(image, 2, 2).toHex(), QByteArray("0000f800001f0000"));
        // Any size is scaled to the screen: a flat colour stays that colour everywhere.
        QImage small(10, 10, QImage::Format_RGB16);
        small.fill(QColor(0, 255, 0));
        const QByteArray full = toRgb565BigEndian(small, St7789::kWidth, St7789::kHeight);
        QCOMPARE(full.size(), qsizetype(St7789::kFrameBytes));
        QCOMPARE(full.count(QByteArray::fromHex("07e0")), qsizetype(St7789::kWidth * St7789::kHeight));
    }
};

QTEST_GUILESS_MAIN(tst_St7789)
#include "tst_st7789.moc"
