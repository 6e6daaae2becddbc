"""Buy-Till-You-Die models, our own numpy/scipy maximum-likelihood fits.

Time is in whatever unit the caller uses consistently (weeks for the CDNOW tests, days in the
pipeline). Identical (x, t_x, T) rows are compressed into weights before fitting.
"""

from matviet_desktop.core.scoring.btyd.bgnbd import BgNbdParams, fit_bgnbd
from matviet_desktop.core.scoring.btyd.gamma_gamma import GammaGammaParams, fit_gamma_gamma
from matviet_desktop.core.scoring.btyd.mbgnbd import MbgNbdParams, fit_mbgnbd
from matviet_desktop.core.scoring.btyd.pnbd import ParetoNbdParams, fit_pnbd

__all__ = [
    "BgNbdParams",
    "GammaGammaParams",
    "MbgNbdParams",
    "ParetoNbdParams",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "fit_mbgnbd",
    "fit_pnbd",
]
