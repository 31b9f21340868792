/**
 * Public-domain Shakespeare (sonnets and soliloquies) that synthetic prompts are cut from, as AIPerf builds its
 * prompts from a Shakespeare corpus. Kept small: prompts wrap around it for long inputs.
 */
export const SHAKESPEARE_CORPUS = `Shall I compare thee to a summer's day? Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May, and summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines, and often is his gold complexion dimm'd;
And every fair from fair sometime declines, by chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade, nor lose possession of that fair thou ow'st;
Nor shall Death brag thou wander'st in his shade, when in eternal lines to time thou grow'st:
So long as men can breathe or eyes can see, so long lives this, and this gives life to thee.
When, in disgrace with fortune and men's eyes, I all alone beweep my outcast state,
And trouble deaf heaven with my bootless cries, and look upon myself and curse my fate,
Wishing me like to one more rich in hope, featured like him, like him with friends possess'd,
Desiring this man's art and that man's scope, with what I most enjoy contented least;
Yet in these thoughts myself almost despising, haply I think on thee, and then my state,
Like to the lark at break of day arising from sullen earth, sings hymns at heaven's gate;
For thy sweet love remember'd such wealth brings that then I scorn to change my state with kings.
That time of year thou mayst in me behold when yellow leaves, or none, or few, do hang
Upon those boughs which shake against the cold, bare ruin'd choirs, where late the sweet birds sang.
In me thou see'st the twilight of such day as after sunset fadeth in the west,
Which by and by black night doth take away, Death's second self, that seals up all in rest.
In me thou see'st the glowing of such fire that on the ashes of his youth doth lie,
As the death-bed whereon it must expire, consumed with that which it was nourish'd by.
This thou perceivest, which makes thy love more strong, to love that well which thou must leave ere long.
Let me not to the marriage of true minds admit impediments. Love is not love
Which alters when it alteration finds, or bends with the remover to remove:
O no! it is an ever-fixed mark that looks on tempests and is never shaken;
It is the star to every wandering bark, whose worth's unknown, although his height be taken.
Love's not Time's fool, though rosy lips and cheeks within his bending sickle's compass come:
Love alters not with his brief hours and weeks, but bears it out even to the edge of doom.
If this be error and upon me proved, I never writ, nor no man ever loved.
My mistress' eyes are nothing like the sun; coral is far more red than her lips' red;
If snow be white, why then her breasts are dun; if hairs be wires, black wires grow on her head.
I have seen roses damask'd, red and white, but no such roses see I in her cheeks;
And in some perfumes is there more delight than in the breath that from my mistress reeks.
I love to hear her speak, yet well I know that music hath a far more pleasing sound;
I grant I never saw a goddess go; my mistress, when she walks, treads on the ground:
And yet, by heaven, I think my love as rare as any she belied with false compare.
To be, or not to be, that is the question: whether 'tis nobler in the mind to suffer
The slings and arrows of outrageous fortune, or to take arms against a sea of troubles,
And by opposing end them. To die: to sleep; no more; and by a sleep to say we end
The heart-ache and the thousand natural shocks that flesh is heir to, 'tis a consummation
Devoutly to be wish'd. To die, to sleep; to sleep: perchance to dream: ay, there's the rub;
For in that sleep of death what dreams may come when we have shuffled off this mortal coil,
Must give us pause: there's the respect that makes calamity of so long life;
For who would bear the whips and scorns of time, the oppressor's wrong, the proud man's contumely,
The pangs of despised love, the law's delay, the insolence of office and the spurns
That patient merit of the unworthy takes, when he himself might his quietus make with a bare bodkin?
All the world's a stage, and all the men and women merely players; they have their exits and their entrances;
And one man in his time plays many parts, his acts being seven ages. At first the infant,
Mewling and puking in the nurse's arms. And then the whining school-boy, with his satchel
And shining morning face, creeping like snail unwillingly to school. And then the lover,
Sighing like furnace, with a woeful ballad made to his mistress' eyebrow. Then a soldier,
Full of strange oaths and bearded like the pard, jealous in honour, sudden and quick in quarrel,
Seeking the bubble reputation even in the cannon's mouth. And then the justice,
In fair round belly with good capon lined, with eyes severe and beard of formal cut,
Full of wise saws and modern instances; and so he plays his part.
Tomorrow, and tomorrow, and tomorrow, creeps in this petty pace from day to day
To the last syllable of recorded time, and all our yesterdays have lighted fools
The way to dusty death. Out, out, brief candle! Life's but a walking shadow, a poor player
That struts and frets his hour upon the stage and then is heard no more: it is a tale
Told by an idiot, full of sound and fury, signifying nothing.
The quality of mercy is not strain'd, it droppeth as the gentle rain from heaven
Upon the place beneath: it is twice blest; it blesseth him that gives and him that takes:
'Tis mightiest in the mightiest: it becomes the throned monarch better than his crown;
His sceptre shows the force of temporal power, the attribute to awe and majesty,
Wherein doth sit the dread and fear of kings; but mercy is above this sceptred sway;
It is enthroned in the hearts of kings, it is an attribute to God himself.
`;
