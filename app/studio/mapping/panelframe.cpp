// SPDX-License-Identifier: GPL-3.0-or-later
#include "panelframe.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace neurorack::studio {

namespace {
constexpr QRgb kPanelTop = 0xff3a3f47;
constexpr QRgb kPanelBottom = 0xff24282e;
constexpr QRgb kRail = 0xff9aa1a9;
constexpr QRgb kRailShadow = 0xff5d636b;
constexpr QRgb kScrewHead = 0xffc9ced4;
constexpr QRgb kScrewSlot = 0xff4a4f56;
constexpr QRgb kPrint = 0xffe6edf3;    ///< the panel's printed legends
constexpr QRgb kAccent = 0xff2ec4a6;   ///< the same teal as the screen's bars
constexpr QRgb kJackNut = 0xffb8bec5;
constexpr QRgb kJackHole = 0xff0b0c0e;
constexpr int kSideMargin = 14;
constexpr int kScrewRadius = 6;
constexpr int kScrewInset = 22;
constexpr int kJackRadius = 11;
constexpr int kJackHoleRadius = 5;
constexpr int kTitlePx = 17;
constexpr int kLegendPx = 10;
}

PanelFrame::PanelFrame(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    // The legends of the controls are printed on the panel: light on dark.
    setStyleSheet(QStringLiteral("QLabel { color: #e6edf3; } QLabel[dim=\"true\"] { color: #8b98a5; }"));
}

QMargins PanelFrame::controlMargins() const
{
    return {kSideMargin, kRailHeight + kTitleHeight, kSideMargin, kRailHeight + kFooterHeight};
}

void PanelFrame::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect all = rect();

    QLinearGradient face(all.topLeft(), all.bottomLeft());
    face.setColorAt(0.0, QColor::fromRgb(kPanelTop));
    face.setColorAt(1.0, QColor::fromRgb(kPanelBottom));
    painter.fillRect(all, face);

    // Mounting rails with two screws each, as in a rack case.
    for (const int y : {0, all.height() - kRailHeight}) {
        const QRect rail(0, y, all.width(), kRailHeight);
        painter.fillRect(rail, QColor::fromRgb(kRail));
        painter.fillRect(QRect(0, y == 0 ? kRailHeight - 2 : y, all.width(), 2), QColor::fromRgb(kRailShadow));
        for (const int x : {kScrewInset, all.width() - kScrewInset}) {
            const QPointF centre(x, y + kRailHeight / 2.0);
            painter.setPen(QPen(QColor::fromRgb(kScrewSlot), 1));
            painter.setBrush(QColor::fromRgb(kScrewHead));
            painter.drawEllipse(centre, kScrewRadius, kScrewRadius);
            painter.drawLine(centre - QPointF(kScrewRadius - 2, 0), centre + QPointF(kScrewRadius - 2, 0));
            painter.drawLine(centre - QPointF(0, kScrewRadius - 2), centre + QPointF(0, kScrewRadius - 2));
        }
    }

    QFont title = font();
    title.setPixelSize(kTitlePx);
    title.setBold(true);
    title.setLetterSpacing(QFont::AbsoluteSpacing, 3);
    painter.setFont(title);
    painter.setPen(QColor::fromRgb(kPrint));
    painter.drawText(QRect(0, kRailHeight, all.width(), kTitleHeight), Qt::AlignCenter, tr("NEURORACK"));
    painter.setPen(QPen(QColor::fromRgb(kAccent), 2));
    painter.drawLine(QPointF(all.width() * 0.3, kRailHeight + kTitleHeight - 3),
                     QPointF(all.width() * 0.7, kRailHeight + kTitleHeight - 3));

    // The audio output, bottom centre.
    const QPointF jack(all.width() / 2.0, all.height() - kRailHeight - kFooterHeight / 2.0 + 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgb(kJackNut));
    painter.drawEllipse(jack, kJackRadius, kJackRadius);
    painter.setBrush(QColor::fromRgb(kJackHole));
    painter.drawEllipse(jack, kJackHoleRadius, kJackHoleRadius);
    QFont legend = font();
    legend.setPixelSize(kLegendPx);
    painter.setFont(legend);
    painter.setPen(QColor::fromRgb(kPrint));
    painter.drawText(QRectF(jack.x() + kJackRadius + 6, jack.y() - kLegendPx, 80, 2 * kLegendPx),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("OUT"));
}

} // namespace neurorack::studio
