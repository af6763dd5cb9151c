// SPDX-License-Identifier: GPL-3.0-or-later
// The display spectrogram: sizes, dB scale, where a tone lands on linear and log
// axes, and the rendered picture.
#include "analysis/spectrogram.h"
#include "spectrogramimage.h"

#include <QGuiApplication>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace neurorack;

namespace {

std::vector<float> tone(double hz, double seconds)
{
    std::vector<float> x(static_cast<std::size_t>(seconds * 48000));
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<float>(0.5 * std::sin(2.0 * std::numbers::pi * hz * double(i) / 48000));
    return x;
}

int loudestRow(const Spectrogram &s, int column)
{
    int best = 0;
    for (int r = 1; r < s.rows; ++r) {
        if (s.at(column, r) > s.at(column, best))
            best = r;
    }
    return best;
}

} // namespace

class tst_Spectrogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toneLandsOnItsRow_data()
    {
        QTest::addColumn<int>("scale");
        QTest::addColumn<double>("hz");
        for (const double hz : {100.0, 1000.0, 8000.0}) {
            QTest::addRow("log %g Hz", hz) << int(FrequencyScale::Logarithmic) << hz;
            QTest::addRow("linear %g Hz", hz) << int(FrequencyScale::Linear) << hz;
        }
    }
    void toneLandsOnItsRow()
    {
        QFETCH(int, scale);
        QFETCH(double, hz);
        Spectrogram::Options options;
        options.scale = FrequencyScale(scale);
        options.rows = 300;
        options.maxColumns = 100;
        const Spectrogram s = Spectrogram::compute(tone(hz, 1.0), options);
        QCOMPARE(s.columns, 100);
        QCOMPARE(s.rows, 300);
        QCOMPARE(s.db.size(), std::size_t(30000));
        const int row = loudestRow(s, 50);
        const double shown = s.frequencyOfRow(row);
        // Within one row's width (or one FFT bin, 23 Hz, where rows are finer).
        const double rowWidth = std::abs(s.frequencyOfRow(row + 1) - shown);
        QVERIFY2(std::abs(shown - hz) <= std::max(rowWidth, 23.5), qPrintable(QStringLiteral("row %1 shows %2 Hz").arg(row).arg(shown)));
        QVERIFY(std::abs(s.rowOfFrequency(s.frequencyOfRow(123.4)) - 123.4) < 1e-6);
    }

    void decibelScale()
    {
        const Spectrogram s = Spectrogram::compute(tone(1000.0, 0.5));
        const auto [lo, hi] = std::minmax_element(s.db.begin(), s.db.end());
        QCOMPARE(*hi, 0.0f);        // the loudest cell is the reference
        QCOMPARE(*lo, -100.0f);     // and the floor clamps the rest
        QCOMPARE(s.minHz, 20.0);
        QCOMPARE(s.maxHz, 24000.0);
        QVERIFY(std::abs(s.duration - 0.5) < 1e-9);
    }

    void sizesFollowTheAudio()
    {
        // Short clips get one column per 5 ms frame, long ones at most maxColumns.
        QCOMPARE(Spectrogram::compute(tone(440.0, 0.1)).columns, 20);
        QCOMPARE(Spectrogram::compute(tone(440.0, 30.0)).columns, 1200);
        const Spectrogram empty = Spectrogram::compute(std::vector<float>{});
        QCOMPARE(empty.columns, 1);
        for (const float v : empty.db)
            QVERIFY(std::isfinite(v));
    }

    void renderedPicture()
    {
        const Spectrogram s = Spectrogram::compute(tone(440.0, 1.0));
        const QImage image = SpectrogramImage::render(s, QStringLiteral("A440"), QSize(800, 400));
        QCOMPARE(image.size(), QSize(800, 400));
        // The tone's row is bright, the silence above it dark.
        const double row = s.rowOfFrequency(440.0) / (s.rows - 1);
        const int y = 42 + static_cast<int>((1.0 - row) * (400 - 42 - 52));
        QVERIFY(qGray(image.pixel(400, y)) > 150);
        QVERIFY(qGray(image.pixel(400, 60)) < 40);
        // The colour map gets lighter all the way up.
        int previous = -1;
        for (double p = 0.0; p <= 1.0; p += 0.05) {
            const int g = qGray(SpectrogramImage::colour(p));
            QVERIFY(g >= previous);
            previous = g;
        }
    }
};

QTEST_MAIN(tst_Spectrogram)
#include "tst_spectrogram.moc"
