// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include <span>

namespace neurorack::studio {

/// Draws 48 kHz mono audio as its minimum and maximum per pixel column, with a time axis
/// (ms below 2 s, s above), an amplitude axis from −1 to +1 labelled in dBFS, and a
/// playhead line.
class WaveformView : public QWidget
{
    Q_OBJECT

public:
    /// The smallest and largest sample of one pixel column.
    struct ColumnRange {
        float min = 0.0f;
        float max = 0.0f;
        friend bool operator==(const ColumnRange &, const ColumnRange &) = default;
    };

    explicit WaveformView(QWidget *parent = nullptr);

    /// Shows @p samples (shared, not copied) and hides the playhead.
    void setAudio(const QList<float> &samples);
    /// Seconds of audio shown.
    double durationSeconds() const;
    /// Moves the playhead to @p seconds; a negative value hides it.
    void setPlayhead(double seconds);
    double playhead() const { return m_playhead; }

    /// Where the waveform is drawn (inside the axes).
    QRect plotRect() const;
    /// The ranges drawn, one per pixel column of plotRect().
    const QList<ColumnRange> &columns() const { return m_columns; }
    /// Splits @p samples into @p count equal slices (each at least one sample) and
    /// returns the range of each; empty for no samples.
    static QList<ColumnRange> columnRanges(std::span<const float> samples, int count);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateColumns();
    int playheadX(double seconds) const;

    QList<float> m_samples;
    QList<ColumnRange> m_columns;
    double m_playhead = -1.0;
};

} // namespace neurorack::studio
