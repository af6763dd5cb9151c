// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "screen/menu.h"
#include "screen/runtimeview.h"

#include <QCoreApplication>
#include <QImage>
#include <QRect>
#include <QRgb>

class QPainter;
class QFont;

namespace neurorack::runtime {

/// Paints the module's 240×240 screen for a RuntimeView and the Menu's state: a title
/// bar, then the page (home: bank, preset, morph, CVs, gates; lists with the selected
/// row highlighted; volume; system; about). Stateless; needs a QGuiApplication (the
/// runtime runs one on the "offscreen" platform) for fonts. Converting the image to the
/// panel's RGB565 is the panel backend's job.
class ScreenPainter
{
    Q_DECLARE_TR_FUNCTIONS(ScreenPainter)

public:
    static constexpr int kSize = 240;       ///< pixels, square (Panel::kScreenSize)
    static constexpr int kTitleHeight = 30; ///< the title bar at the top
    static constexpr int kRowHeight = 30;   ///< one list row
    static_assert(kTitleHeight + Menu::kListRows * kRowHeight == kSize,
                  "a plain list fills the screen below the title bar");

    // Colours, chosen for contrast on a small IPS panel and to stay distinct in RGB565.
    static constexpr QRgb kBackground = 0xff0d1117;      ///< page background
    static constexpr QRgb kTitleBackground = 0xff243447; ///< title bar
    static constexpr QRgb kBusyBackground = 0xff6e40c9;  ///< title bar while busy
    static constexpr QRgb kText = 0xffe6edf3;            ///< main text
    static constexpr QRgb kDimText = 0xff8b98a5;         ///< labels, units, hints
    static constexpr QRgb kHighlight = 0xff1f6feb;       ///< the selected row
    static constexpr QRgb kHighlightText = 0xffffffff;   ///< text on the selected row
    static constexpr QRgb kAccent = 0xff2ec4a6;          ///< bars, the entry in use
    static constexpr QRgb kTrack = 0xff30363d;           ///< empty part of a bar, gates off
    static constexpr QRgb kGateOn = 0xff3fb950;          ///< a gate that is high
    static constexpr QRgb kWarning = 0xffffb020;         ///< notice banner, errors
    static constexpr QRgb kWarningText = 0xff111111;     ///< text on the notice banner

    // Text sizes in pixels. Long names shrink to fit (down to kMinPx) before they are
    // elided, so that they stay whole on a 240-pixel-wide screen.
    static constexpr int kMinPx = 12;
    static constexpr int kTitlePx = 17;
    static constexpr int kRowPx = 17;
    static constexpr int kTextPx = 14;
    static constexpr int kSmallPx = 13;
    static constexpr int kBigPx = 24;
    static constexpr int kHugePx = 40;

    /// The screen for @p view on the menu's current page, kSize × kSize, Format_RGB32.
    QImage paint(const RuntimeView &view, const Menu &menu) const;

    /// The title bar.
    static QRect titleRect();
    /// Where row @p row of the menu's current list is drawn; a null rect when the page has
    /// no list or the row is scrolled out of sight.
    static QRect rowRect(const Menu &menu, int row);
    /// Where the notice banner is drawn on the home page.
    static QRect noticeRect();

private:
    void paintTitle(QPainter &painter, const RuntimeView &view, const Menu &menu) const;
    void paintHome(QPainter &painter, const RuntimeView &view) const;
    void paintNotice(QPainter &painter, const RuntimeView &view) const;
    void paintList(QPainter &painter, const RuntimeView &view, const Menu &menu) const;
    void paintModelHeader(QPainter &painter, const RuntimeView &view, const QRect &area) const;
    void paintMappingHeader(QPainter &painter, const RuntimeView &view, const QRect &area) const;
    void paintCalibrationHeader(QPainter &painter, const RuntimeView &view, const Menu &menu,
                                const QRect &area) const;
    void paintVolume(QPainter &painter, const Menu &menu) const;
    void paintSystem(QPainter &painter, const RuntimeView &view) const;
    void paintAbout(QPainter &painter, const RuntimeView &view) const;
};

} // namespace neurorack::runtime
