"""People with unique ID numbers, mobiles and mail addresses.

Names repeat (as they do: a pool of thousands has several 王伟), ID numbers never do, so a program that matches
people by name instead of ID number fails on this data.
"""

from __future__ import annotations

import random

from desktop.synthetic.codes import id_number, mobile
from desktop.synthetic.model import Person
from desktop.synthetic.names import birth_date, birthplace, email, person_name


class People:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._ids: set[str] = set()
        self._mobiles: set[str] = set()
        self._emails: set[str] = set()

    def make(self, first_year: int, last_year: int, male_share: float, mail_domain: str | None) -> Person:
        rng = self._rng
        male = rng.random() < male_share
        name = person_name(rng, male)
        born = birth_date(rng, first_year, last_year)
        region = birthplace(rng)
        number = id_number(rng, region, born, male)
        while number in self._ids:
            number = id_number(rng, region, born, male)
        phone = mobile(rng)
        while phone in self._mobiles:
            phone = mobile(rng)
        mail = email(rng, name, mail_domain)
        while mail in self._emails:
            mail = email(rng, name, None)
        self._ids.add(number)
        self._mobiles.add(phone)
        self._emails.add(mail)
        return Person(name, number, male, born, phone, mail)
