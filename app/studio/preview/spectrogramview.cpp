// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectrogramview.h"

#include "spectrogramimage.h"

#include <QFutureWatcher>
#include <QPainter>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>

namespace neurorack::studio {

namespace {

const QColor kBackground(0x20, 0x22, 0x26);
const QColor kInk(0xe8, 0xe8, 0xe8);
/// Coarsest and finest STFT grids asked for, whatever the widget's size.
constexpr int kMinCells = 32;
constexpr int kMaxColumns = 1600;
constexpr int kMaxRows = 600;

} // namespace

struct SpectrogramView::Result {
    quint64 generation = 0;
    Spectrogram spectrogram;
    QImage image;
};

SpectrogramView::SpectrogramView(QWidget *parent)
    : QWidget(parent)
    , m_resizeTimer(new QTimer(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Spectrogram"));
    setFocusPolicy(Qt::ClickFocus); // so that the panel's Space shortcut works after a click
    m_resizeTimer->setSingleShot(true);
    m_resizeTimer->setInterval(kResizeSettle);
    connect(m_resizeTimer, &QTimer::timeout, this, [this] {
        if (!m_samples.isEmpty() && m_image.size() != pictureSize())
            start();
    });
}

SpectrogramView::~SpectrogramView() = default;

QSize SpectrogramView::sizeHint() const
{
    return {640, 260};
}

QSize SpectrogramView::minimumSizeHint() const
{
    return {260, 160};
}

Spectrogram::Options SpectrogramView::optionsFor(QSize size)
{
    Spectrogram::Options options;
    options.maxColumns = std::clamp(size.width(), kMinCells, kMaxColumns);
    options.rows = std::clamp(size.height(), kMinCells, kMaxRows);
    options.scale = FrequencyScale::Logarithmic;
    return options;
}

QSize SpectrogramView::pictureSize() const
{
    return size().expandedTo(minimumSizeHint());
}

void SpectrogramView::setAudio(const QList<float> &samples)
{
    m_samples = samples;
    ++m_generation;
    if (m_samples.isEmpty()) {
        m_spectrogram = {};
        m_image = {};
        update();
        return;
    }
    start();
}

void SpectrogramView::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    const QList<float> samples = m_samples;
    const QSize canvas = pictureSize();
    const quint64 generation = m_generation;
    const QString title = tr("Spectrogram");
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        watcher->deleteLater();
        finished(watcher->result());
    });
    // Copies only: the job outlives nothing it points to.
    watcher->setFuture(QtConcurrent::run([samples, canvas, generation, title] {
        Result result;
        result.generation = generation;
        result.spectrogram = Spectrogram::compute(std::span(samples.constData(), std::size_t(samples.size())),
                                                  optionsFor(canvas));
        result.image = SpectrogramImage::render(result.spectrogram, title, canvas);
        return result;
    }));
}

void SpectrogramView::finished(const Result &result)
{
    m_running = false;
    const bool current = result.generation == m_generation;
    if (current && !m_samples.isEmpty()) {
        m_spectrogram = result.spectrogram;
        m_image = result.image;
        update();
    }
    if (m_again || (current && m_image.size() != pictureSize() && isVisible()))
        start();
    else if (current)
        Q_EMIT spectrogramReady();
}

void SpectrogramView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_resizeTimer->start();
}

void SpectrogramView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_image.isNull()) {
        p.fillRect(rect(), kBackground);
        p.setPen(kInk.darker(150));
        p.drawText(rect(), Qt::AlignCenter, m_running ? tr("Computing the spectrogram…") : tr("No audio yet"));
        return;
    }
    // Stretched while a resize settles; exact once the picture is remade.
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(rect(), m_image);
}

} // namespace neurorack::studio
