# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [rl-example, reward-maximization]
# ---

# %% [markdown]
# # 动手实验：网格世界里的表格 Q-learning
#
# 强化学习的基本循环是：环境给出状态，智能体选择动作，环境返回奖励和下一个状态，智能体据此更新自己的判断。
# 本实验把这个循环写成几十行代码：一个带陷阱和终点的网格世界，一个用表格 Q-learning 学习的智能体。
# 我们会看到每回合的回报怎样随训练上升，并把最终学到的策略画在网格上。
#
# 本实验对应的面试题：
#
# - [举例说明强化学习是如何运作的](../rl/basics.md#rl-example)
# - [如何理解强化学习中的奖励最大化？](../rl/basics.md#reward-maximization)

# %%
from collections import deque

import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 环境：状态、动作、奖励、下一个状态
#
# 网格是 6×6。智能体从左下角出发，终点在右上角（奖励 +1），中间有墙（走不进去）和陷阱（奖励 −1，回合结束）。
# 每走一步有 −0.01 的小惩罚，所以“尽快到达终点”才是回报最大的做法。
# 环境只暴露两个方法：`reset()` 返回初始状态，`step(action)` 返回 `(下一个状态, 奖励, 是否结束)`。

# %%
LAYOUT = [
    "....#G",
    ".##.#.",
    "...T..",
    ".#.#..",
    ".#...T",
    "S..#..",
]
ACTIONS = [(-1, 0), (0, 1), (1, 0), (0, -1)]  # 上、右、下、左
ARROWS = ["^", ">", "v", "<"]


class GridWorld:
    """最小的网格世界环境。"""

    def __init__(self, layout, step_reward=-0.01, max_steps=100):
        self.grid = np.array([list(row) for row in layout])
        self.start = tuple(int(i) for i in np.argwhere(self.grid == "S")[0])
        self.step_reward, self.max_steps = step_reward, max_steps

    def reset(self):
        self.pos, self.steps = self.start, 0
        return self.pos

    def step(self, action):
        dr, dc = ACTIONS[action]
        r, c = self.pos[0] + dr, self.pos[1] + dc
        rows, cols = self.grid.shape
        if 0 <= r < rows and 0 <= c < cols and self.grid[r, c] != "#":
            self.pos = (r, c)
        self.steps += 1
        cell = self.grid[self.pos]
        if cell == "G":
            return self.pos, 1.0, True
        if cell == "T":
            return self.pos, -1.0, True
        return self.pos, self.step_reward, self.steps >= self.max_steps


env = GridWorld(LAYOUT)
state = env.reset()
next_state, reward, done = env.step(1)
print(f"状态 {state} --动作 '>'--> 下一个状态 {next_state}，奖励 {reward}，结束 {done}")

# %% [markdown]
# ## 2. Q-learning
#
# 智能体维护一张表 $Q(s, a)$：在状态 $s$ 做动作 $a$、之后一直按最优方式行动，能拿到的折扣回报的估计值。
# 每走一步就用环境返回的结果更新一次：
#
# $$Q(s,a) \leftarrow Q(s,a) + \eta\left[r + \gamma \max_{a'} Q(s', a') - Q(s,a)\right]$$
#
# 选动作用 ε-贪心：以概率 ε 随机探索，否则选当前 $Q$ 值最大的动作。ε 随训练逐渐减小。
# “奖励最大化”在这里有精确的含义：智能体最大化的是整条轨迹的折扣回报 $\sum_t \gamma^t r_t$，而不是下一步的奖励。

# %%
def q_learning(env, episodes=400, lr=0.5, gamma=0.95):
    """训练并返回 Q 表和每回合的回报。"""
    q = np.zeros(env.grid.shape + (len(ACTIONS),))
    returns = []
    for episode in range(episodes):
        epsilon = max(0.05, 1.0 - episode / 200)
        state, done, total = env.reset(), False, 0.0
        while not done:
            if rng.random() < epsilon:
                action = int(rng.integers(len(ACTIONS)))
            else:
                action = int(q[state].argmax())
            next_state, reward, done = env.step(action)
            target = reward if done else reward + gamma * q[next_state].max()
            q[state][action] += lr * (target - q[state][action])
            state, total = next_state, total + reward
        returns.append(total)
    return q, np.array(returns)


q, returns = q_learning(env)
print(f"前 50 回合平均回报 {returns[:50].mean():.3f}，最后 50 回合平均回报 {returns[-50:].mean():.3f}")
assert returns[-50:].mean() > returns[:50].mean(), "训练后回报明显上升"

# %% [markdown]
# ## 3. 检查学到的策略
#
# 按 $Q$ 表贪心行动（不再探索），走一遍。用广度优先搜索算出从起点到终点、绕开墙和陷阱的最短步数，
# 检查学到的策略是否恰好走了最短路径：这就是这个环境里回报最大的走法。

# %%
def greedy_path(env, q):
    """按 Q 表贪心行动，返回经过的格子和总奖励。"""
    state, done, path, total = env.reset(), False, [env.start], 0.0
    while not done:
        state, reward, done = env.step(int(q[state].argmax()))
        path.append(state)
        total += reward
    return path, total


def shortest_steps(grid, start):
    """广度优先搜索：不进墙和陷阱时，从起点到终点的最少步数。"""
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        (r, c), dist = queue.popleft()
        if grid[r, c] == "G":
            return dist
        for dr, dc in ACTIONS:
            nxt = (r + dr, c + dc)
            inside = 0 <= nxt[0] < grid.shape[0] and 0 <= nxt[1] < grid.shape[1]
            if inside and nxt not in seen and grid[nxt] not in "#T":
                seen.add(nxt)
                queue.append((nxt, dist + 1))
    raise ValueError("终点不可达")


path, total = greedy_path(env, q)
best = shortest_steps(env.grid, env.start)
print(f"贪心策略走了 {len(path) - 1} 步，最短路径 {best} 步，总回报 {total:.2f}")
assert env.grid[path[-1]] == "G", "贪心策略到达终点"
assert len(path) - 1 == best, "贪心策略走的是最短路径"

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
window = 20
smoothed = np.convolve(returns, np.ones(window) / window, mode="valid")
axes[0].plot(returns, color="tab:blue", alpha=0.3, label="return per episode")
axes[0].plot(np.arange(window - 1, len(returns)), smoothed, color="tab:blue", label=f"{window}-episode mean")
axes[0].set_xlabel("episode")
axes[0].set_ylabel("return")
axes[0].set_title("Q-learning: return per episode")
axes[0].legend()

colors = {"#": "dimgray", "T": "tab:red", "G": "tab:green", "S": "lightsteelblue", ".": "white"}
ax = axes[1]
rows, cols = env.grid.shape
for r in range(rows):
    for c in range(cols):
        cell = env.grid[r, c]
        ax.add_patch(plt.Rectangle((c, rows - 1 - r), 1, 1, facecolor=colors[cell], edgecolor="black"))
        if cell in ".S":
            ax.text(c + 0.5, rows - 0.5 - r, ARROWS[q[r, c].argmax()], ha="center", va="center", fontsize=16)
        elif cell in "GT":
            ax.text(c + 0.5, rows - 0.5 - r, cell, ha="center", va="center", fontsize=14, color="white")
ys = [rows - 0.5 - r for r, _ in path]
xs = [c + 0.5 for _, c in path]
ax.plot(xs, ys, color="tab:orange", linewidth=3, alpha=0.7, label="greedy path")
ax.set_xlim(0, cols)
ax.set_ylim(0, rows)
ax.set_aspect("equal")
ax.set_xticks([])
ax.set_yticks([])
ax.set_title("Learned greedy policy (G goal, T trap)")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown]
# 左图：一开始智能体几乎随机乱走，经常掉进陷阱或者绕很远，回报为负；随着 ε 减小、$Q$ 表变准，回报稳定在接近最大值的水平。
# 右图：每个格子里的箭头是该状态下 $Q$ 值最大的动作，橙色线是从起点出发的贪心路径。
#
# ## 小结
#
# - 强化学习的循环是“状态 → 动作 → 奖励和下一个状态 → 更新”，代码里就是 `env.step` 和 Q 表更新这两行。
# - 智能体最大化的是长期的折扣回报；每步 −0.01 的惩罚让“更快到达终点”的回报更高，所以学到的是最短路径。
# - 探索（ε）必不可少：没有探索，智能体可能一直走第一次碰巧到达终点的那条绕远的路。
#
# 可以试着改动：把每步惩罚 `step_reward` 改成 0，或者把 `gamma` 改成 0.5，看学到的路径和回报曲线怎样变化。
